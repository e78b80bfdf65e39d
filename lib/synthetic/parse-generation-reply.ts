import type { SyntheticKind, SyntheticParts } from "./compose-content";

export type ParsedGeneration = { ok: true; parts: SyntheticParts; via: "json" | "fenced-json" | "embedded-json" | "markdown" | "code" } | { ok: false; error: string };

const KEYS = {
  title: /^(title|heading|section_?title)$/i,
  text: /^(text|body|content|markdown|section)$/i,
  prompt: /^(prompt|signature|question|problem)$/i,
  solution: /^(solution|body|completion|answer|implementation)$/i,
  tests: /^(tests?|asserts?|test_?cases|checks?)$/i,
} as const;

/**
 * Reads a textbook section ({ title, text }) or an exercise ({ prompt, solution, tests }) from a model reply.
 * Strict JSON first (what structured output returns); then, for servers without it: JSON in a code fence, a
 * JSON object inside prose; then for textbooks a plain Markdown reply that starts with a heading (the heading
 * is the title), and for exercises a Python function (def line + docstring = prompt, its body = solution,
 * the top-level asserts after it = tests). An exercise's solution that repeats the def line is cut back to
 * the body. Anything else is an error saying what was missing; the caller keeps the raw reply.
 */
export function parseGenerationReply(kind: SyntheticKind, text: string): ParsedGeneration {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: "empty reply" };
  let jsonProblem: string | null = null;
  const attempt = (candidate: string, via: "json" | "fenced-json" | "embedded-json"): ParsedGeneration | null => {
    const value = parseObject(candidate);
    if (!value) return null;
    const parsed = fromRecord(kind, value);
    if (parsed.ok) return { ...parsed, via };
    // An object with none of our fields (a dict literal in a code sample) is not an attempt at the reply.
    if (Object.keys(value).some((k) => Object.values(KEYS).some((re) => re.test(k)))) jsonProblem ??= parsed.error;
    return null;
  };

  const strict = attempt(trimmed, "json");
  if (strict) return strict;
  for (const m of trimmed.matchAll(/```(?:json|JSON)?[ \t]*\n([\s\S]*?)```/g)) {
    const fenced = attempt(m[1].trim(), "fenced-json");
    if (fenced) return fenced;
  }
  for (const candidate of jsonObjectsIn(trimmed)) {
    const embedded = attempt(candidate, "embedded-json");
    if (embedded) return embedded;
  }
  if (jsonProblem) return { ok: false, error: jsonProblem };
  return kind === "textbook" ? fromMarkdown(trimmed) : fromPython(trimmed);
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function field(record: Record<string, unknown>, key: keyof typeof KEYS): string | null {
  const k = Object.keys(record).find((name) => KEYS[key].test(name));
  if (k === undefined) return null;
  const v = record[k];
  if (typeof v === "string") return v;
  // Some models send tests as a list of assert lines.
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v.join("\n");
  return null;
}

function fromRecord(kind: SyntheticKind, record: Record<string, unknown>): ParsedGeneration {
  if (kind === "textbook") {
    const text = field(record, "text");
    if (!text?.trim()) return { ok: false, error: 'the JSON reply has no non-empty "text"' };
    const title = field(record, "title")?.trim() || null;
    return { ok: true, parts: { title, text: stripLeadingTitle(text.trim(), title) + "\n" }, via: "json" };
  }
  const prompt = field(record, "prompt");
  const solution = field(record, "solution");
  if (!prompt?.trim()) return { ok: false, error: 'the JSON reply has no non-empty "prompt"' };
  if (!solution?.trim()) return { ok: false, error: 'the JSON reply has no non-empty "solution"' };
  return { ok: true, parts: exerciseParts(prompt, solution, field(record, "tests") ?? ""), via: "json" };
}

/** A text that repeats its title as a first heading loses that heading (composeContent adds the title back). */
function stripLeadingTitle(text: string, title: string | null): string {
  if (!title) return text;
  const m = text.match(/^#{1,3}\s+(.+?)\s*#*\s*(\n|$)/);
  return m && m[1].trim().toLowerCase() === title.toLowerCase() ? text.slice(m[0].length).trimStart() : text;
}

function fromMarkdown(text: string): ParsedGeneration {
  const m = text.match(/^#{1,3}\s+(.+?)\s*#*\s*\n([\s\S]+)$/);
  if (!m || !m[2].trim()) return { ok: false, error: "neither JSON with a \"text\" field nor a Markdown section starting with a # heading" };
  return { ok: true, parts: { title: m[1].trim(), text: m[2].trim() + "\n" }, via: "markdown" };
}

function fromPython(text: string): ParsedGeneration {
  const blocks = [...text.matchAll(/```(?:python|py)?[ \t]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  const code = blocks.length ? blocks.join("\n") : /^\s*def\s/m.test(text) ? text : "";
  const split = code ? splitFunction(code) : null;
  if (!split) return { ok: false, error: "neither JSON with prompt/solution fields nor a Python function with a docstring and a body" };
  return { ok: true, parts: split, via: "code" };
}

/** Cleans the parts: prompt ends with a newline; a solution that restates the function keeps only its body. */
function exerciseParts(prompt: string, solution: string, tests: string): SyntheticParts {
  let body = solution.replace(/^\s*\n/, "");
  if (/^\s*def\s+\w+\s*\(/.test(body)) body = splitFunction(body)?.solution ?? body;
  // A body the model wrote flush left is indented into the function.
  const first = body.split("\n").find((l) => l.trim());
  if (first !== undefined && !/^\s/.test(first)) body = body.split("\n").map((l) => (l.trim() ? `    ${l}` : l)).join("\n");
  return {
    prompt: prompt.endsWith("\n") ? prompt : prompt + "\n",
    solution: body.endsWith("\n") ? body : body + "\n",
    tests: tests.trim() ? (tests.endsWith("\n") ? tests : tests + "\n") : null,
  };
}

/**
 * Splits Python source holding one top-level function into prompt (everything up to the end of its
 * docstring), solution (the rest of its body) and tests (top-level lines after it that assert or call it).
 * Null when there is no function with a docstring and a non-empty body.
 */
export function splitFunction(code: string): SyntheticParts | null {
  const lines = code.replace(/\r\n/g, "\n").split("\n");
  const defAt = lines.findIndex((l) => /^def\s+\w+\s*\(/.test(l));
  if (defAt === -1) return null;
  let i = defAt;
  while (i < lines.length && !/:\s*(#.*)?$/.test(lines[i])) i++;
  i++;
  while (i < lines.length && !lines[i].trim()) i++;
  const open = lines[i]?.match(/^\s+[rRuUbB]?("""|''')/);
  if (!open) return null;
  const quote = open[1];
  const afterOpen = lines[i].slice(lines[i].indexOf(quote) + 3);
  let end = i;
  if (!afterOpen.includes(quote)) {
    end = i + 1;
    while (end < lines.length && !lines[end].includes(quote)) end++;
    if (end >= lines.length) return null;
  }
  let bodyEnd = end + 1;
  while (bodyEnd < lines.length && (!lines[bodyEnd].trim() || /^\s/.test(lines[bodyEnd]))) bodyEnd++;
  const body = lines.slice(end + 1, bodyEnd).join("\n").replace(/\s+$/, "");
  if (!body.trim()) return null;
  const tests = lines
    .slice(bodyEnd)
    .join("\n")
    .trim();
  return { prompt: lines.slice(0, end + 1).join("\n").replace(/^\s*\n/, "") + "\n", solution: body + "\n", tests: tests ? tests + "\n" : null };
}

/** Balanced {…} spans, outermost first (strings and escapes respected), for JSON inside prose. */
function* jsonObjectsIn(text: string): Generator<string> {
  for (let start = text.indexOf("{"); start !== -1; start = text.indexOf("{", start + 1)) {
    let depth = 0;
    let inString = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) {
        yield text.slice(start, i + 1);
        break;
      }
    }
  }
}
