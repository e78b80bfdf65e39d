const integer = new Intl.NumberFormat("en");

export const fmtInt = (n: number) => integer.format(n);

export const fmtPct = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(part === whole || part === 0 ? 0 : 1)}%` : "–");

export const fmtDate = (iso: string) => new Date(iso).toLocaleDateString("en", { year: "numeric", month: "short", day: "numeric" });

