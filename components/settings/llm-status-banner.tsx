"use client";

import type { LlmSettingsView } from "@/lib/llm/describe-llm-settings";
import { Alert } from "../ui/alert";

/** States plainly whether the LLM is usable, and what needs it when it is not. */
export function LlmStatusBanner({ settings }: { settings: LlmSettingsView }) {
  if (settings.configured) {
    return (
      <div data-testid="llm-status" data-configured="true">
        <Alert tone="success">
          LLM endpoint configured: <span className="font-mono">{settings.baseUrl.value ?? "https://api.openai.com/v1"}</span>
          {settings.apiKey.set ? " with an API key." : " without an API key (fine for local servers such as Ollama or vLLM)."}
        </Alert>
      </div>
    );
  }
  return (
    <div data-testid="llm-status" data-configured="false">
      <Alert tone="warning">
        <p className="font-medium">No LLM endpoint is configured.</p>
        <p className="mt-1">
          Importing, browsing, spot-checking and exports work without one. These features need it: <strong>LLM labeling campaigns</strong> now;
          synthetic textbook generation and embeddings when they arrive. Set a base URL (any OpenAI-compatible server) or an OpenAI API key below,
          or set <code className="font-mono text-xs">OPENAI_BASE_URL</code> / <code className="font-mono text-xs">OPENAI_API_KEY</code> in the environment.
        </p>
      </Alert>
    </div>
  );
}
