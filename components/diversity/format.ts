/** Figures of the diversity page: ratios as 0.000, rates as percentages, "—" for none. */
export const ratio = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? "—" : v.toFixed(digits));
export const percent = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);
export const count = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toLocaleString("en"));
export const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");
