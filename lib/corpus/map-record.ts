import type { LlmLabelInput, SnippetInput } from "../db/bulk";
import { hashContent } from "./hash-content";
import { describeJsonType } from "./parse-json-line";

/**
 * Maps one imported record (a JSONL object or a Parquet row) to a snippet, or says why it cannot.
 *
 * Two layouts are understood, and may be mixed:
 * - The Stack: `content`, `lang`, `max_stars_repo_name`, `max_stars_repo_path`, `max_stars_repo_licenses`
 *   (array, joined with ", "), `hexsha`;
 * - plain: `text` | `content` | `code`, and optional `language`, `source`, `path`, `license`, `id`.
 * Every other column (The Stack's size, ext, avg_line_length, max_line_length, alphanum_fraction,
 * max_stars_repo_head_hexsha, …) is kept in `meta` as JSON. The content is stored and hashed exactly as
 * decoded: no trimming or newline normalisation, so exact-duplicate detection means byte-identical.
 *
 * Optional pre-computed LLM label: `llm_score` (integer 0–5; 3, 3.0 and "3" are accepted), `llm_rationale`,
 * `llm_model` (default "imported"), `prompt_version` (default "unknown"), `llm_is_example` (boolean).
 * A present but invalid llm_score rejects the whole record, so a bad label is never silently dropped.
 */
export type MapRecordResult = { row: SnippetInput; error?: undefined } | { row?: undefined; error: string };

const CONTENT_KEYS = ["content", "text", "code"] as const;
const CONSUMED = new Set<string>([
  ...CONTENT_KEYS,
  "lang", "language",
  "max_stars_repo_name", "source",
  "max_stars_repo_path", "path",
  "max_stars_repo_licenses", "license",
  "hexsha", "id",
  "llm_score", "llm_rationale", "llm_model", "prompt_version", "llm_is_example",
]);

export function mapRecord(record: Record<string, unknown>): MapRecordResult {
  let content: unknown;
  for (const key of CONTENT_KEYS) {
    if (record[key] !== undefined && record[key] !== null) {
      content = record[key];
      break;
    }
  }
  if (content === undefined) return { error: 'missing content (no "content", "text" or "code" field)' };
  if (typeof content !== "string") return { error: `content is not a string (got ${describeJsonType(content)})` };
  if (content.trim() === "") return { error: "content is empty" };
  // PostgreSQL text cannot hold NUL; reject on both databases so an import behaves the same on either.
  if (content.includes("\u0000")) return { error: "content contains NUL (\\u0000) characters" };

  let llm: LlmLabelInput | null = null;
  const rawScore = record.llm_score;
  if (rawScore !== undefined && rawScore !== null && rawScore !== "") {
    const score = parseLlmScore(rawScore);
    if (typeof score === "string") return { error: score };
    llm = {
      score,
      rationale: text(record.llm_rationale) ?? "",
      model: text(record.llm_model) ?? "imported",
      promptVersion: text(record.prompt_version) ?? "unknown",
      origin: "import",
      isExample: flag(record.llm_is_example),
    };
  }

  const language = text(record.lang ?? record.language)?.toLowerCase() ?? "unknown";
  const row: SnippetInput = {
    contentHash: hashContent(content),
    content,
    language,
    source: text(record.max_stars_repo_name ?? record.source),
    path: text(record.max_stars_repo_path ?? record.path),
    license: licenseText(record.max_stars_repo_licenses ?? record.license),
    externalId: text(record.hexsha ?? record.id),
    sizeBytes: Buffer.byteLength(content, "utf8"),
    lineCount: countLines(content),
    meta: metaJson(record),
    llm,
  };
  return { row };
}

/** An integer 0–5, or the reason it is not one. */
export function parseLlmScore(value: unknown): number | string {
  let n: number;
  if (typeof value === "number") n = value;
  else if (typeof value === "bigint") n = Number(value);
  else if (typeof value === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(value)) n = Number(value);
  else return `llm_score must be an integer 0–5 (got ${JSON.stringify(typeof value === "bigint" ? String(value) : value)?.slice(0, 40) ?? typeof value})`;
  if (!Number.isInteger(n)) return `llm_score must be an integer 0–5 (got ${n})`;
  if (n < 0 || n > 5) return `llm_score out of range 0–5 (got ${n})`;
  return n;
}

export function countLines(content: string): number {
  let lines = 0;
  let pos = content.indexOf("\n");
  while (pos !== -1) {
    lines++;
    pos = content.indexOf("\n", pos + 1);
  }
  return content.endsWith("\n") ? lines : lines + 1;
}

/** A trimmed non-empty string (numbers and bigints as text), NUL characters removed; otherwise null. */
function text(value: unknown): string | null {
  let s: string;
  if (typeof value === "string") s = value;
  else if (typeof value === "number" || typeof value === "bigint") s = String(value);
  else return null;
  s = s.trim();
  if (s.includes("\u0000")) s = s.replaceAll("\u0000", "");
  return s === "" ? null : s;
}

function licenseText(value: unknown): string | null {
  if (Array.isArray(value)) {
    const parts = value.map(text).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(", ") : null;
  }
  return text(value);
}

function flag(value: unknown): boolean {
  return value === true || value === 1 || value === "true" || value === "1";
}

function metaJson(record: Record<string, unknown>): string | null {
  let meta: Record<string, unknown> | null = null;
  for (const key in record) {
    if (CONSUMED.has(key)) continue;
    const value = record[key];
    if (value === undefined) continue;
    (meta ??= {})[key] = value;
  }
  return meta ? JSON.stringify(meta, jsonSafe) : null;
}

// Parquet rows carry INT64 as bigint and binary as Uint8Array, which JSON.stringify rejects or mangles.
function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}
