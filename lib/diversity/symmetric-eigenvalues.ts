const EPS = Number.EPSILON;
const MAX_ITERATIONS = 60;

/**
 * Eigenvalues of a real symmetric n × n matrix (row-major; only the lower triangle is read), ascending.
 * Householder reduction to tridiagonal form, then the implicit QL algorithm with Wilkinson-style shifts
 * (Numerical Recipes' tred2 + tqli, eigenvalues only). About (2/3)·n³ multiply-adds for the reduction,
 * O(n²) for QL: ~1 s for n = 1,000 in JavaScript. The reduction walks rows only (the column sums of the
 * textbook version are scattered row by row instead), which keeps it cache-friendly on a flat array.
 */
export function symmetricEigenvalues(matrix: Float64Array, n: number, onRow?: (done: number, total: number) => void): Float64Array {
  if (matrix.length !== n * n) throw new Error(`expected an ${n} × ${n} matrix, got ${matrix.length} values`);
  const a = Float64Array.from(matrix);
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  for (let i = n - 1; i >= 1; i--) {
    const l = i - 1;
    const ri = i * n;
    let h = 0;
    if (l > 0) {
      let scale = 0;
      for (let k = 0; k <= l; k++) scale += Math.abs(a[ri + k]);
      if (scale === 0) e[i] = a[ri + l];
      else {
        for (let k = 0; k <= l; k++) {
          a[ri + k] /= scale;
          h += a[ri + k] * a[ri + k];
        }
        let f = a[ri + l];
        let g = f >= 0 ? -Math.sqrt(h) : Math.sqrt(h);
        e[i] = scale * g;
        h -= f * g;
        a[ri + l] = f - g;
        // e[0..l] = A[0..l][0..l] · u / h, with u = row i's first l+1 entries (lower triangle, row-wise).
        for (let j = 0; j <= l; j++) e[j] = 0;
        for (let j = 0; j <= l; j++) {
          const rj = j * n;
          const uj = a[ri + j];
          let s = a[rj + j] * uj;
          for (let k = 0; k < j; k++) {
            const ajk = a[rj + k];
            s += ajk * a[ri + k];
            e[k] += ajk * uj;
          }
          e[j] += s;
        }
        f = 0;
        for (let j = 0; j <= l; j++) {
          e[j] /= h;
          f += e[j] * a[ri + j];
        }
        const hh = f / (h + h);
        for (let j = 0; j <= l; j++) {
          f = a[ri + j];
          g = e[j] - hh * f;
          e[j] = g;
          const rj = j * n;
          for (let k = 0; k <= j; k++) a[rj + k] -= f * e[k] + g * a[ri + k];
        }
      }
    } else e[i] = a[ri + l];
    d[i] = h;
    onRow?.(n - i, n);
  }
  for (let i = 0; i < n; i++) d[i] = a[i * n + i];
  tridiagonalQl(d, e);
  return d.sort();
}

/** Implicit QL on the tridiagonal (diagonal d, sub-diagonal e[1..n-1]); d becomes the eigenvalues. */
function tridiagonalQl(d: Float64Array, e: Float64Array): void {
  const n = d.length;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  if (n > 0) e[n - 1] = 0;
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= EPS * dd) break;
      }
      if (m !== l) {
        if (iter++ === MAX_ITERATIONS) throw new Error("eigenvalues did not converge (too many QL iterations)");
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = Math.hypot(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? Math.abs(r) : -Math.abs(r)));
        let s = 1;
        let c = 1;
        let p = 0;
        let i: number;
        for (i = m - 1; i >= l; i--) {
          const f = s * e[i];
          const b = c * e[i];
          e[i + 1] = r = Math.hypot(f, g);
          if (r === 0) {
            d[i + 1] -= p;
            e[m] = 0;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          d[i + 1] = g + (p = s * r);
          g = c * r - b;
        }
        if (r === 0 && i >= l) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
}
