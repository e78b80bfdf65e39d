/** The one-line progress message of a campaign job, e.g. "412 labeled · 3 failed · $0.0123". */
export function formatCampaignProgress(c: { labeled: number; failed: number; skipped: number; costUsd: number }): string {
  const parts = [`${c.labeled.toLocaleString("en-US")} labeled`, `${c.failed.toLocaleString("en-US")} failed`];
  if (c.skipped) parts.push(`${c.skipped.toLocaleString("en-US")} skipped`);
  parts.push(`$${c.costUsd.toFixed(4)}`);
  return parts.join(" · ");
}
