import type { CampaignStatus } from "@/lib/campaigns/types";

const integer = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export const fmtInt = (n: number) => integer.format(n);
export const fmtTokens = (n: number) => (n < 10_000 ? integer.format(n) : compact.format(n));
/** Cents matter for small campaigns: four decimals below $1. */
export const fmtUsd = (n: number) => (n < 1 ? `$${n.toFixed(4)}` : `$${n.toFixed(2)}`);

export const ACTIVE: ReadonlySet<CampaignStatus> = new Set(["queued", "running"]);
