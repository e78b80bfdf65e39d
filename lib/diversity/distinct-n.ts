export type DistinctN = { n: number; distinct: number; total: number; /** distinct / total; null without any n-gram. */ ratio: number | null };

/**
 * Corpus-level distinct-n (Li et al. 2016): distinct word n-grams / total word n-grams, over every document
 * of the set (n-grams never span two documents). 1 means no n-gram repeats anywhere; templated generations
 * ("In this section, we will…") pull it down. It falls as a set grows, so compare sets of the same size: the
 * report computes it on its fixed-size sample. `docs` are token lists from `wordTokens`.
 */
export function distinctN(docs: readonly (readonly string[])[], n: number): DistinctN {
  if (!Number.isInteger(n) || n < 1) throw new Error(`distinct-n needs an integer n >= 1, got ${n}`);
  const seen = new Set<string>();
  let total = 0;
  for (const tokens of docs) {
    for (let i = 0; i + n <= tokens.length; i++) {
      seen.add(n === 1 ? tokens[i] : tokens.slice(i, i + n).join(" "));
      total++;
    }
  }
  return { n, distinct: seen.size, total, ratio: total ? seen.size / total : null };
}
