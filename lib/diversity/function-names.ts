const DEF = /(?:^|[^\w.])def[ \t]+([A-Za-z_]\w*)[ \t]*\(/gm;
const DUNDER = /^__\w+__$/;

/**
 * The function names an item defines: an exercise's declared `functionName` when it has one (what the
 * campaign asked for), otherwise every Python `def name(` in its content (textbook code blocks, code
 * snippets). Dunder methods (`__init__`, `__repr__`…) are left out: every class has them, they say nothing
 * about diversity.
 */
export function functionNamesOf(content: string, declared?: string | null): string[] {
  const name = declared?.trim();
  if (name) return [name];
  const out: string[] = [];
  for (const m of content.matchAll(DEF)) if (!DUNDER.test(m[1])) out.push(m[1]);
  return out;
}

export type NameUniqueness = { distinct: number; total: number; /** distinct / total; null without any name. */ ratio: number | null };

/** Distinct names / names, from a count per name. 1: every function has its own name. */
export function nameUniqueness(counts: ReadonlyMap<string, number>): NameUniqueness {
  let total = 0;
  for (const c of counts.values()) total += c;
  return { distinct: counts.size, total, ratio: total ? counts.size / total : null };
}
