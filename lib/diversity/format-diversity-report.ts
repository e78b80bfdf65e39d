import { formatDuration } from "@/lib/format-duration";
import type { DiversityReportView } from "./types";

const pct = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? "n/a" : `${(x * 100).toFixed(digits)} %`);
const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined ? "n/a" : x.toFixed(digits));
const int = (x: number) => x.toLocaleString("en-US");

/** The figures of a finished report as a few lines of text (the CLI prints this). */
export function formatDiversityReport(r: DiversityReportView): string {
  const scope = r.campaignName ? `dataset ${r.datasetName}, campaign ${r.campaignName} (#${r.campaignId})` : `dataset ${r.datasetName}`;
  const head = `Diversity report ${r.id} (${scope}): ${r.status}`;
  const m = r.metrics;
  if (!m) return r.error ? `${head}\n  error: ${r.error}` : head;
  const nd = m.nearDup;
  const v = m.vectors;
  const lines = [
    `${head}, ${int(m.items)} items in ${formatDuration(m.seconds * 1000)}`,
    `  sample                 ${int(m.sample.items)} items (seed ${m.sample.seed}) for distinct-n, n-grams, compression and vectors`,
    `  distinct-1/2/3         ${m.distinct.map((d) => num(d.ratio)).join(" / ")}   (distinct word n-grams ÷ all n-grams; higher = more varied)`,
    `  compression ratio      ${num(m.compression.ratio)}   (gzip bytes ÷ raw bytes of the sample; lower = more repetitive)`,
    `  near-duplicates        ${pct(nd.rate, 2)} of items (${int(nd.duplicates)} in ${int(nd.clusters)} clusters, largest ${nd.largest}; Jaccard ≥ ${nd.threshold}, ${nd.permutations} permutations, ${nd.bands}×${nd.rows} LSH, ${nd.threads} thread${nd.threads === 1 ? "" : "s"}, ${formatDuration(nd.seconds * 1000)})`,
    `  Vendi score            ${num(v.vendi, 1)} of ${int(v.n)} (${v.kind === "embeddings" ? `embeddings ${v.model}` : `TF-IDF, ${int(v.dimensions)} terms`}; effective number of distinct items)`,
    `  dispersion             ${num(v.dispersion)}   (mean pairwise cosine distance)`,
    `  function names         ${pct(m.functionNames.ratio)} unique (${int(m.functionNames.distinct)} of ${int(m.functionNames.total)}, ${m.functionNames.source})`,
    `  openings               ${int(m.openings.distinct)} distinct of ${int(m.openings.total)} (first ${m.openings.words} words)`,
  ];
  if (v.note) lines.push(`  note                   ${v.note}`);
  const tb = m.coverage?.textbook;
  if (tb) lines.push(`  topic × audience       ${tb.cellsHit}/${tb.cells} cells hit, normalized entropy ${num(tb.entropy)} (${m.coverage!.source})${tb.outside ? `, ${tb.outside} items outside the lists` : ""}`);
  const ex = m.coverage?.exercise;
  if (ex) lines.push(`  exercise topics        ${ex.cellsHit}/${ex.cells} topics hit, normalized entropy ${num(ex.entropy)}${ex.declaredNames ? `, ${ex.declaredNames.used}/${ex.declaredNames.total} declared function names used` : ""}`);
  const top = (label: string, list: { text: string; docs: number }[]) => {
    if (list.length) lines.push(`  ${label.padEnd(22)} ${list.slice(0, 3).map((t) => `"${t.text}" (${t.docs})`).join(", ")}`);
  };
  top("top openings", m.openings.top);
  top(`top ${m.ngrams.n}-grams`, m.ngrams.top);
  top("repeated functions", m.functionNames.top);
  return lines.join("\n");
}
