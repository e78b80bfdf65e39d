import type { Interval } from "@/lib/dashboards/types";

/** Figures of the quality dashboards: shares as percentages, intervals as "low–high", "—" for none. */
export const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? "—" : `${(v * 100).toFixed(digits)}%`);
export const num = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toLocaleString("en"));
export const fixed = (v: number | null | undefined, digits = 2) => (v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toFixed(digits));
export const interval = (i: Interval, digits = 1) => (i.estimate === null ? "no labels yet" : `95% CI ${pct(i.low, digits)}–${pct(i.high, digits)}`);

/** Token counts as 1.2k / 3.4M / 5.6B. */
export function compact(v: number): string {
  return new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 }).format(v);
}
