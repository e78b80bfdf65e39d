import type { ExportManifest } from "./types";

const fmt = (n: number) => n.toLocaleString("en-US");

function sizeCategory(rows: number): string {
  if (rows < 1_000) return "n<1K";
  if (rows < 10_000) return "1K<n<10K";
  if (rows < 100_000) return "10K<n<100K";
  if (rows < 1_000_000) return "100K<n<1M";
  if (rows < 10_000_000) return "1M<n<10M";
  return "10M<n<100M";
}

const yamlString = (s: string) => JSON.stringify(s);

/**
 * README.md of an export: a Hugging Face dataset card (YAML front matter with the configs/data_files that
 * make `load_dataset("<dir>")` find the splits), then what the data is, how it was chosen (filter, model,
 * seed), the columns and the counts. Written from the manifest, without the creation time or export id,
 * so identical exports get identical cards.
 */
export function buildDatasetCard(m: Omit<ExportManifest, "created_at" | "export_id">): string {
  const ext = m.format === "parquet" ? "parquet" : "jsonl.gz";
  const splits = Object.keys(m.splits);
  const yaml = [
    "---",
    `pretty_name: ${yamlString(m.name)}`,
    "configs:",
    "- config_name: default",
    "  data_files:",
    ...splits.flatMap((s) => [`  - split: ${s}`, `    path: data/${s}-*.${ext}`]),
    "task_categories:",
    "- text-generation",
    "tags:",
    "- code",
    "- syllabus",
    "- educational-value",
    "size_categories:",
    `- ${sizeCategory(m.rows)}`,
    "license: other",
    "---",
  ];
  const model = m.model
    ? m.model.role === "filter"
      ? `Kept: snippets whose probability of high educational value under classifier **v${m.model.version}** is ≥ **${m.model.cut.toFixed(3)}**.`
      : `The \`classifier_prob\` column is classifier v${m.model.version}'s P(high) (it did not filter).`
    : "No classifier model was involved (`classifier_prob` is empty).";
  const labels = m.label_counts;
  const llm = Object.entries(labels.llm)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k === "none" ? "no LLM label" : `score ${k}`}: ${fmt(v)}`)
    .join(" · ");
  const lines = [
    ...yaml,
    "",
    `# ${m.name}`,
    "",
    `Training data curated with Syllabus ${m.tool.version}: code and text scored for educational value (0–5, Phi-1 "Textbooks Are All You Need" style) and filtered. ${fmt(m.rows)} rows, ${fmt(m.tokens)} tokens (o200k_base), in ${m.shards.length} ${m.format === "parquet" ? "Parquet (Snappy)" : "JSON Lines (gzip)"} shard${m.shards.length === 1 ? "" : "s"}.`,
    "",
    "## How the rows were chosen",
    "",
    `- Datasets: ${m.datasets.map((d) => `\`${d.name}\` (${d.kind}, high value = score ≥ ${d.threshold})`).join(", ")}`,
    `- Filter: ${m.filter_summary}`,
    `- ${model}`,
    `- Human verdicts use the median of the annotators' scores against the dataset's threshold; synthetic items are included only when a reviewer approved them${m.filter.includeSynthetic ? "" : " (not included here)"}.`,
    `- Order: shuffled deterministically by a hash of (seed ${m.seed}, snippet id)${m.splits.validation ? `; the validation split is the last ${fmt(m.splits.validation.rows)} rows of that order` : ""}.`,
    `- Shards: ${"rows" in m.filter.shard ? `${fmt(m.filter.shard.rows)} rows each` : `about ${fmt(m.filter.shard.bytes)} bytes of content each (uncompressed)`}.`,
    "",
    "The full filter specification, per-shard sha256 and sizes are in `manifest.json`.",
    "",
    "## Splits",
    "",
    "| split | rows | tokens | shards | bytes |",
    "|---|---:|---:|---:|---:|",
    ...splits.map((s) => `| ${s} | ${fmt(m.splits[s].rows)} | ${fmt(m.splits[s].tokens)} | ${m.splits[s].shards} | ${fmt(m.splits[s].bytes)} |`),
    "",
    "## Columns",
    "",
    "| column | type | nullable | description |",
    "|---|---|---|---|",
    ...m.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.nullable ? "yes" : "no"} | ${c.description} |`),
    "",
    "## Labels",
    "",
    `- LLM scores: ${llm || "none"}`,
    `- Human verdicts: ${fmt(labels.human.approved)} approved, ${fmt(labels.human.rejected)} below threshold, ${fmt(labels.human.unlabeled)} without a human label`,
    `- Approved synthetic items: ${fmt(labels.synthetic)}; contaminated but kept by a reviewer's override: ${fmt(labels.contaminatedOverridden)}`,
    "",
    "## By dataset and language",
    "",
    "| dataset | language | rows | tokens |",
    "|---|---|---:|---:|",
    ...m.breakdown.map((b) => `| ${b.dataset} | ${b.language} | ${fmt(b.rows)} | ${fmt(b.tokens)} |`),
    "",
    "## Licenses",
    "",
    "Rows keep the license of their source in the `license` column; check it before redistributing.",
    "",
  ];
  return lines.join("\n");
}
