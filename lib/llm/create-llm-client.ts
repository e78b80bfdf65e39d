import OpenAI from "openai";
import { isLlmConfigured, LlmNotConfiguredError } from "./config";
import type { LlmConfig } from "./types";

// The SDK refuses an empty key; local servers ignore whatever we send.
const PLACEHOLDER_KEY = "not-needed";

/**
 * An SDK client for the configured endpoint. SDK retries are off: withLlmRetry does them, so every attempt
 * is counted and Retry-After is honoured the same way on every path.
 */
export function createLlmClient(cfg: LlmConfig): OpenAI {
  if (!isLlmConfigured(cfg)) throw new LlmNotConfiguredError();
  return new OpenAI({
    apiKey: cfg.apiKey ?? PLACEHOLDER_KEY,
    baseURL: cfg.baseUrl ?? "https://api.openai.com/v1",
    timeout: cfg.timeoutMs,
    maxRetries: 0,
  });
}
