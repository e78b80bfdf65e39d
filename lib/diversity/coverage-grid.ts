import { normalizedEntropy } from "./normalized-entropy";
import type { CoverageGrid, ExerciseCoverage } from "./types";

export const NONE_LABEL = "(none)";
const EMPTY_CELLS_SHOWN = 100;

/**
 * The topic × audience grid of textbook sections from (topic, audience, count) groups. With declared
 * lists (a campaign's) the grid is exactly those lists, so cells never hit show as zeros and items outside
 * the lists are counted apart; without, the grid is the observed values (sorted), a missing value labelled
 * "(none)". Entropy is over every cell, empty ones included.
 */
export function textbookGrid(groups: readonly { topic: string | null; audience: string | null; n: number }[], declared?: { topics: string[]; audiences: string[] }): CoverageGrid {
  const label = (v: string | null) => (v === null || v.trim() === "" ? NONE_LABEL : v);
  const useDeclared = Boolean(declared && declared.topics.length && declared.audiences.length);
  const topics = useDeclared ? [...new Set(declared!.topics)] : [...new Set(groups.map((g) => label(g.topic)))].sort();
  const audiences = useDeclared ? [...new Set(declared!.audiences)] : [...new Set(groups.map((g) => label(g.audience)))].sort();
  const ti = new Map(topics.map((t, i) => [t, i]));
  const ai = new Map(audiences.map((a, i) => [a, i]));
  const counts = topics.map(() => audiences.map(() => 0));
  let outside = 0;
  let items = 0;
  for (const g of groups) {
    items += g.n;
    const t = ti.get(label(g.topic));
    const a = ai.get(label(g.audience));
    if (t === undefined || a === undefined) outside += g.n;
    else counts[t][a] += g.n;
  }
  const flat = counts.flat();
  const emptyCells: [string, string][] = [];
  for (let t = 0; t < topics.length && emptyCells.length < EMPTY_CELLS_SHOWN; t++) {
    for (let a = 0; a < audiences.length && emptyCells.length < EMPTY_CELLS_SHOWN; a++) if (counts[t][a] === 0) emptyCells.push([topics[t], audiences[a]]);
  }
  return {
    topics,
    audiences,
    counts,
    items,
    cells: flat.length,
    cellsHit: flat.filter((c) => c > 0).length,
    emptyCells,
    entropy: normalizedEntropy(flat),
    outside,
  };
}

/**
 * Exercises per topic with the number of distinct function names under each, from (topic, functionName,
 * count) groups; entropy of the items over the topics. With a declared list of function names, how many of
 * them were used.
 */
export function exerciseCoverage(groups: readonly { topic: string | null; functionName: string | null; n: number }[], declared?: { topics: string[]; functionNames: string[] }): ExerciseCoverage {
  const label = (v: string | null) => (v === null || v.trim() === "" ? NONE_LABEL : v);
  const useDeclared = Boolean(declared && declared.topics.length);
  const topics = useDeclared ? [...new Set(declared!.topics)] : [...new Set(groups.map((g) => label(g.topic)))].sort();
  const rows = new Map(topics.map((t) => [t, { topic: t, items: 0, names: new Set<string>() }]));
  const used = new Set<string>();
  let outside = 0;
  let items = 0;
  for (const g of groups) {
    items += g.n;
    if (g.functionName) used.add(g.functionName);
    const row = rows.get(label(g.topic));
    if (!row) {
      outside += g.n;
      continue;
    }
    row.items += g.n;
    if (g.functionName) row.names.add(g.functionName);
  }
  const list = [...rows.values()].map((r) => ({ topic: r.topic, items: r.items, functionNames: r.names.size }));
  const declaredNames = declared?.functionNames.length
    ? (() => {
        const names = [...new Set(declared.functionNames)];
        const unused = names.filter((n) => !used.has(n));
        return { total: names.length, used: names.length - unused.length, unused: unused.slice(0, EMPTY_CELLS_SHOWN) };
      })()
    : null;
  return {
    topics: list,
    items,
    cells: list.length,
    cellsHit: list.filter((r) => r.items > 0).length,
    emptyTopics: list.filter((r) => r.items === 0).map((r) => r.topic).slice(0, EMPTY_CELLS_SHOWN),
    entropy: normalizedEntropy(list.map((r) => r.items)),
    outside,
    declaredNames,
  };
}
