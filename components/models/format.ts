/** Figures of the models pages: metrics as 0.000, probabilities and rates as percentages, "—" for none. */
export const metric = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? "—" : v.toFixed(digits));
export const percent = (v: number | null | undefined, digits = 0) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);
export const count = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toLocaleString("en"));
export const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

/** Model and score-run statuses that will still change: poll while any is shown. */
export const LIVE_RUN = new Set(["queued", "running"]);
