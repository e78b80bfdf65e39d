export type RepeatedText = { text: string; /** occurrences */ count: number; /** documents it occurs in */ docs: number };

/**
 * The word n-grams repeated across the most documents (then by occurrences), with both counts: a phrase in
 * 300 of 1,000 generations is a template the prompt should break; one a single document repeats is not.
 * n-grams found in only one document are left out. `docs` are token lists from `wordTokens`.
 */
export function topNgrams(docs: readonly (readonly string[])[], n: number, limit = 20): RepeatedText[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`n-grams need an integer n >= 1, got ${n}`);
  const stats = new Map<string, { count: number; docs: number; lastDoc: number }>();
  docs.forEach((tokens, d) => {
    for (let i = 0; i + n <= tokens.length; i++) {
      const key = tokens.slice(i, i + n).join(" ");
      const s = stats.get(key);
      if (!s) stats.set(key, { count: 1, docs: 1, lastDoc: d });
      else {
        s.count++;
        if (s.lastDoc !== d) {
          s.docs++;
          s.lastDoc = d;
        }
      }
    }
  });
  return topOf(stats, limit, 2);
}

/** Most frequent keys of a count table, by documents then occurrences then text; keys below `minDocs` left out. */
export function topOf(stats: Map<string, { count: number; docs: number }>, limit: number, minDocs = 2): RepeatedText[] {
  const out: RepeatedText[] = [];
  for (const [text, s] of stats) if (s.docs >= minDocs) out.push({ text, count: s.count, docs: s.docs });
  out.sort((a, b) => b.docs - a.docs || b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return out.slice(0, limit);
}
