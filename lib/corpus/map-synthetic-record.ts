import type { SnippetInput } from "../db/bulk";
import { composeContent, type SyntheticKind, type SyntheticParts } from "../synthetic/compose-content";
import { countLines } from "./map-record";
import { hashContent } from "./hash-content";
import { describeJsonType } from "./parse-json-line";

/**
 * Maps one record of a synthetic JSONL file (the layout of /work/shared/data/synthetic, see the README) to a
 * snippet with its synthetic side, or says why it cannot:
 * - textbook: `{ id, kind: "textbook", topic, audience, title, text }`: content = the text (with its title
 *   as a heading, composeContent), language "markdown";
 * - exercise: `{ id, kind: "exercise", topic, function_name, prompt, solution, tests }`: content = prompt +
 *   solution, tests kept beside it, language "python" (function_name is read from the prompt's def line when
 *   absent).
 * A record's own `kind` wins over the import's default kind. `id` becomes the external id; `source` and
 * `license` are kept when present; any other field goes to `meta`. Strings are stored exactly as decoded.
 */
export type MapSyntheticResult = { row: SnippetInput; error?: undefined } | { row?: undefined; error: string };

const CONSUMED = new Set(["id", "kind", "topic", "audience", "title", "text", "function_name", "prompt", "solution", "tests", "source", "license"]);
const LANGUAGE: Record<SyntheticKind, string> = { textbook: "markdown", exercise: "python" };

export function mapSyntheticRecord(record: Record<string, unknown>, defaultKind: SyntheticKind): MapSyntheticResult {
  const rawKind = record.kind;
  if (rawKind !== undefined && rawKind !== null && rawKind !== "textbook" && rawKind !== "exercise") {
    return { error: `kind must be "textbook" or "exercise" (got ${JSON.stringify(rawKind)?.slice(0, 40)})` };
  }
  const kind: SyntheticKind = (rawKind as SyntheticKind | null | undefined) ?? defaultKind;
  const fields: Record<string, string | null> = {};
  for (const key of ["topic", "audience", "title", "text", "function_name", "prompt", "solution", "tests", "source", "license"]) {
    const v = record[key];
    if (v === undefined || v === null) fields[key] = null;
    else if (typeof v === "string") {
      if (v.includes("\u0000")) return { error: `${key} contains NUL (\\u0000) characters` };
      fields[key] = v;
    } else if (key === "tests" && Array.isArray(v) && v.every((x) => typeof x === "string")) fields[key] = v.join("\n");
    else return { error: `${key} is not a string (got ${describeJsonType(v)})` };
  }
  const required = kind === "textbook" ? ["text"] : ["prompt", "solution"];
  for (const key of required) if (!fields[key]?.trim()) return { error: `a${kind === "exercise" ? "n" : ""} ${kind} needs a non-empty "${key}"${fields[key] === null ? " field" : ""}` };

  const parts: SyntheticParts = kind === "textbook" ? { title: fields.title, text: fields.text } : { prompt: fields.prompt, solution: fields.solution, tests: fields.tests };
  const content = composeContent(kind, parts);
  const functionName = kind === "exercise" ? (trimmed(fields.function_name) ?? fields.prompt!.match(/^\s*def\s+([A-Za-z_]\w*)\s*\(/m)?.[1] ?? null) : null;
  const id = record.id;
  const externalId = typeof id === "string" || typeof id === "number" ? String(id).trim() || null : null;
  const meta: Record<string, unknown> = {};
  for (const key in record) if (!CONSUMED.has(key) && record[key] !== undefined) meta[key] = record[key];
  const edit: Record<string, string> = {};
  for (const key of ["title", "text", "prompt", "solution", "tests"] as const) if (parts[key] != null) edit[key] = parts[key]!;

  return {
    row: {
      contentHash: hashContent(content),
      content,
      language: LANGUAGE[kind],
      source: trimmed(fields.source),
      path: functionName ? `${functionName}.py` : null,
      license: trimmed(fields.license),
      externalId,
      sizeBytes: Buffer.byteLength(content, "utf8"),
      lineCount: countLines(content),
      meta: Object.keys(meta).length ? JSON.stringify(meta) : null,
      synthetic: {
        kind,
        topic: trimmed(fields.topic),
        audience: trimmed(fields.audience),
        functionName,
        title: kind === "textbook" ? trimmed(fields.title) : null,
        prompt: kind === "exercise" ? fields.prompt : null,
        solution: kind === "exercise" ? fields.solution : null,
        tests: kind === "exercise" && fields.tests?.trim() ? fields.tests : null,
        edit: JSON.stringify(edit),
      },
    },
  };
}

function trimmed(v: string | null): string | null {
  const t = v?.trim();
  return t ? t : null;
}
