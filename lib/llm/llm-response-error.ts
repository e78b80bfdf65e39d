/** A 2xx response whose body is not a usable chat completion (cut off, not JSON, no choices): retryable. */
export class LlmResponseError extends Error {
  override name = "LlmResponseError";
}
