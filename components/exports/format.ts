import type { ExportStatus } from "@/lib/export/types";

const integer = new Intl.NumberFormat("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export const fmtInt = (n: number) => integer.format(n);
export const fmtTokens = (n: number) => (n < 100_000 ? integer.format(n) : compact.format(n));

export const ACTIVE: ReadonlySet<ExportStatus> = new Set(["queued", "running"]);

/** Download URL of one file of an export (an authenticated route that serves only the export's listed files). */
export const fileUrl = (id: number, name: string, inline = false) => `/api/exports/${id}/files/${name.split("/").map(encodeURIComponent).join("/")}${inline ? "?inline=1" : ""}`;
