import { isUtf8 } from "node:buffer";

const MAX_REASON_DETAIL = 160;

/**
 * Decodes one JSONL line: strict UTF-8 (invalid bytes are a reported error, not silently replaced), then
 * JSON.parse, then "must be an object". Returns the record or a human-readable reason.
 */
export function parseJsonLine(bytes: Buffer): { record: Record<string, unknown>; error?: undefined } | { record?: undefined; error: string } {
  if (!isUtf8(bytes)) return { error: "invalid UTF-8" };
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString("utf8"));
  } catch (e) {
    return { error: `invalid JSON: ${truncate((e as Error).message, MAX_REASON_DETAIL)}` };
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { error: `not a JSON object (got ${describeJsonType(value)})` };
  }
  return { record: value as Record<string, unknown> };
}

export function describeJsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
