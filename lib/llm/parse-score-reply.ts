export type ParsedScore = { ok: true; score: number; rationale: string } | { ok: false; error: string };

const MAX_RATIONALE = 4000;

/**
 * Reads a score 0–5 and a rationale from a model reply. Strict JSON first (what structured output
 * returns), then a tolerant fallback for servers without it: fenced JSON, a JSON object inside prose,
 * and finally "score: N" / "Score: N/5" style lines (the last one wins, as rubrics put the total at the end).
 */
export function parseScoreReply(text: string): ParsedScore {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: "empty reply" };

  const strict = fromJson(trimmed);
  if (strict) return strict;

  for (const m of trimmed.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) {
    const fenced = fromJson(m[1].trim());
    if (fenced) return fenced;
  }

  for (const candidate of jsonObjectsIn(trimmed)) {
    const embedded = fromJson(candidate);
    if (embedded) return embedded;
  }

  return fromScoreLine(trimmed);
}

function fromJson(text: string): ParsedScore | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const record = value as Record<string, unknown>;
  const key = Object.keys(record).find((k) => /^(score|educational_?score|edu_?score|points|total)$/i.test(k));
  if (!key) return null;
  const score = toScore(record[key]);
  if (typeof score === "string") return { ok: false, error: score };
  const rationaleKey = Object.keys(record).find((k) => /^(rationale|reason|reasoning|justification|explanation)$/i.test(k));
  const rationale = rationaleKey && typeof record[rationaleKey] === "string" ? (record[rationaleKey] as string) : "";
  return { ok: true, score, rationale: rationale.trim().slice(0, MAX_RATIONALE) };
}

/** A score, or an error message when it is out of range or not a whole number. */
function toScore(raw: unknown): number | string {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) return `score is not a number: ${JSON.stringify(raw)?.slice(0, 40)}`;
  if (!Number.isInteger(n)) return `score must be a whole number 0–5, got ${n}`;
  if (n < 0 || n > 5) return `score ${n} is outside 0–5`;
  return n;
}

/** Balanced {...} substrings that mention a score, outermost first; strings and escapes respected. */
function jsonObjectsIn(text: string): string[] {
  const found: string[] = [];
  for (let start = text.indexOf("{"); start !== -1 && found.length < 20; start = text.indexOf("{", start + 1)) {
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
        const candidate = text.slice(start, i + 1);
        if (/score|points/i.test(candidate)) found.push(candidate);
        break;
      }
    }
  }
  return found;
}

const SCORE_LINE = /(?:educational\s+(?:value\s+)?)?(?:score|points|total)\s*(?:\*\*)?\s*(?:[:=]|is|of)\s*(?:\*\*)?\s*(-?\d+(?:\.\d+)?)(?:\s*(?:\/|out of)\s*5)?/gi;

function fromScoreLine(text: string): ParsedScore {
  const matches = [...text.matchAll(SCORE_LINE)];
  if (matches.length === 0) return { ok: false, error: "no score found in the reply" };
  const last = matches[matches.length - 1];
  const score = toScore(last[1]);
  if (typeof score === "string") return { ok: false, error: score };
  const rationale = (text.slice(0, last.index) + text.slice(last.index + last[0].length))
    .replace(/^[\s*#:—–-]+|[\s*#:—–-]+$/g, "")
    .trim();
  return { ok: true, score, rationale: rationale.slice(0, MAX_RATIONALE) };
}
