const MAX_CELLS = 4_000_000;

/**
 * Which lines of `a` and of `b` are not part of a longest common subsequence of their lines (trailing
 * whitespace ignored): what to highlight when two near-duplicates are shown side by side. Inputs whose
 * LCS table would exceed 4M cells (two 2,000-line files) compare line sets instead.
 */
export function changedLines(a: string, b: string): { a: number[]; b: number[] } {
  const la = a.split("\n").map((l) => l.trimEnd());
  const lb = b.split("\n").map((l) => l.trimEnd());
  const n = la.length;
  const m = lb.length;
  if (n * m > MAX_CELLS) {
    const sa = new Set(la);
    const sb = new Set(lb);
    return { a: la.flatMap((l, i) => (sb.has(l) ? [] : [i])), b: lb.flatMap((l, i) => (sa.has(l) ? [] : [i])) };
  }
  // Suffix LCS lengths, then one forward walk.
  const w = m + 1;
  const t = new Uint16Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) t[i * w + j] = la[i] === lb[j] ? t[(i + 1) * w + j + 1] + 1 : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
  }
  const ca: number[] = [];
  const cb: number[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (la[i] === lb[j]) {
      i++;
      j++;
    } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) ca.push(i++);
    else cb.push(j++);
  }
  while (i < n) ca.push(i++);
  while (j < m) cb.push(j++);
  return { a: ca, b: cb };
}
