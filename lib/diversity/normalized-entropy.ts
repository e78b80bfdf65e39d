/**
 * Shannon entropy of counts over `cells` cells, divided by its maximum log(cells): 1 when every cell holds
 * the same number of items, 0 when all sit in one cell. Cells never hit count (that is the point: a grid
 * with empty cells is not covered evenly). Null with fewer than 2 cells or no items.
 */
export function normalizedEntropy(counts: readonly number[], cells = counts.length): number | null {
  if (cells < 2) return null;
  if (counts.length > cells) throw new Error(`${counts.length} counts for ${cells} cells`);
  let total = 0;
  for (const c of counts) {
    if (c < 0 || !Number.isFinite(c)) throw new Error(`counts must be non-negative, got ${c}`);
    total += c;
  }
  if (total === 0) return null;
  let h = 0;
  for (const c of counts) if (c > 0) h -= (c / total) * Math.log(c / total);
  return h / Math.log(cells);
}
