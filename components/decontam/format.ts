/** Figures of the decontamination page. */
export const percent = (v: number) => `${(v * 100).toFixed(v > 0 && v < 0.1 ? 1 : 0)}%`;
export const count = (v: number) => v.toLocaleString("en");
export const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");
