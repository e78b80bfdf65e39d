import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { LlmResponseError } from "./llm-response-error";

export type LlmErrorInfo = {
  retryable: boolean;
  /** HTTP status, null when no response arrived. */
  status: number | null;
  /** Short, user-safe description. */
  reason: string;
  /** What the server asked us to wait (Retry-After / retry-after-ms), if it said. */
  retryAfterMs: number | null;
};

const RETRYABLE_STATUS = new Set([408, 409, 425, 429]);

/** Parses retry-after-ms (milliseconds) or Retry-After (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  const ms = headers?.get("retry-after-ms");
  if (ms && Number.isFinite(Number(ms)) && Number(ms) >= 0) return Number(ms);
  const value = headers?.get("retry-after")?.trim();
  if (!value) return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** Decides whether a failed LLM request is worth another attempt, and how long the server wants us to wait. */
export function classifyLlmError(e: unknown): LlmErrorInfo {
  if (e instanceof APIUserAbortError) return { retryable: false, status: null, reason: "aborted", retryAfterMs: null };
  if (e instanceof APIConnectionTimeoutError) return { retryable: true, status: null, reason: "request timed out", retryAfterMs: null };
  if (e instanceof APIConnectionError) {
    const cause = (e.cause as Error | undefined)?.message;
    return { retryable: true, status: null, reason: `connection error${cause ? `: ${cause}` : ""}`, retryAfterMs: null };
  }
  if (e instanceof APIError) {
    const status = e.status ?? null;
    const retryable = status !== null && (RETRYABLE_STATUS.has(status) || status >= 500);
    return { retryable, status, reason: `HTTP ${status}: ${e.message.replace(/^\d{3}\s*/, "")}`, retryAfterMs: retryAfterMs(e.headers) };
  }
  // The SDK parses the body with response.json(): a truncated or garbled body surfaces as a SyntaxError.
  if (e instanceof SyntaxError) return { retryable: true, status: 200, reason: `broken response body: ${e.message}`, retryAfterMs: null };
  if (e instanceof LlmResponseError) return { retryable: true, status: 200, reason: e.message, retryAfterMs: null };
  return { retryable: false, status: null, reason: e instanceof Error ? e.message : String(e), retryAfterMs: null };
}
