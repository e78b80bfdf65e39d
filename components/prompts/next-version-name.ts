/** A free name after `base`: edu-v1 → edu-v2 (or the next number not taken), other names get "-2". */
export function nextVersionName(base: string, taken: string[]): string {
  const used = new Set(taken);
  const m = base.match(/^(.*?)(\d+)$/);
  const stem = m ? m[1] : `${base}-`;
  for (let n = m ? Number(m[2]) + 1 : 2; ; n++) {
    const name = `${stem}${n}`.slice(0, 40);
    if (!used.has(name)) return name;
  }
}
