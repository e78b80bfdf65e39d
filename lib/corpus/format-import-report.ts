import type { ImportReport } from "./types";

/** The CLI's human-readable import report: counts, then the first `maxErrors` bad lines. */
export function formatImportReport(report: ImportReport, maxErrors = 20): string {
  const n = (v: number) => v.toLocaleString("en-US");
  const mb = (report.bytes / 1e6).toFixed(report.bytes < 1e7 ? 2 : 1);
  const out: string[] = [];
  const verb = report.status === "completed" ? "Imported" : report.status === "failed" ? "Import failed:" : "Import interrupted:";
  out.push(`${verb} ${report.format} (${mb} MB) into dataset "${report.dataset}" — import #${report.importId}, ${report.seconds.toFixed(1)} s`);
  if (report.campaignId !== undefined) out.push(`  synthetic items attached to generation campaign #${report.campaignId}`);
  if (report.resumedFromLine) out.push(`  resumed at line ${n(report.resumedFromLine)} (lines before it were imported earlier; counts include them)`);
  const width = Math.max(...[report.records, report.inserted, report.duplicates, report.llmLabels, report.errorCount].map((v) => n(v).length));
  const row = (label: string, v: number) => `  ${label.padEnd(11)}${n(v).padStart(width)}`;
  out.push(row("records", report.records), row("inserted", report.inserted), row("duplicates", report.duplicates), row("LLM labels", report.llmLabels), row("errors", report.errorCount));
  if (report.errorCount > 0) {
    out.push("", "Errors:");
    const shown = report.errors.slice(0, maxErrors);
    for (const e of shown) out.push(`  line ${n(e.line)}: ${e.reason}`);
    if (report.errorCount > shown.length) out.push(`  … and ${n(report.errorCount - shown.length)} more`);
  }
  if (report.fatalError) out.push("", `Fatal: ${report.fatalError}`);
  return out.join("\n");
}
