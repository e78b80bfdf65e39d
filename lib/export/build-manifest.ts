import type { ExportSnapshot } from "./build-export-snapshot";
import { describeExportFilter } from "./describe-export-filter";
import { EXPORT_COLUMNS, type ExportManifest, type ManifestShard, type ResolvedExport } from "./types";

/**
 * manifest.json of a finished export: what was selected and how (the resolved spec, model version and cut,
 * seed, datasets), what came out (rows, tokens and bytes per split, every shard's file, rows, tokens, bytes
 * and sha256), label counts and the columns. Everything but created_at and export_id is a function of the
 * spec and the data, so two runs of the same export differ only there.
 */
export function buildManifest(o: {
  exportId: number;
  resolved: ResolvedExport;
  snapshot: ExportSnapshot;
  shards: ManifestShard[];
  createdAt: Date;
  toolVersion: string;
  parquetWriterVersion: string;
}): ExportManifest {
  const { spec, datasets, model } = o.resolved;
  const splits: ExportManifest["splits"] = {};
  for (const s of o.shards) {
    const t = (splits[s.split] ??= { rows: 0, tokens: 0, bytes: 0, shards: 0 });
    t.rows += s.rows;
    t.tokens += s.tokens;
    t.bytes += s.bytes;
    t.shards++;
  }
  return {
    manifest_version: 1,
    name: spec.name,
    export_id: o.exportId,
    created_at: o.createdAt.toISOString(),
    tool: { name: "syllabus", version: o.toolVersion, ...(spec.format === "parquet" && { parquet_writer: `hyparquet-writer ${o.parquetWriterVersion}` }) },
    format: spec.format,
    compression: spec.format === "parquet" ? "snappy" : "gzip",
    seed: spec.seed,
    datasets: datasets.map((d) => ({ id: d.id, name: d.name, kind: d.kind, threshold: d.threshold })),
    filter: spec,
    filter_summary: describeExportFilter(spec, model),
    model: model ? { ...model, role: spec.filter.mode === "model" ? "filter" : "classifier_prob" } : null,
    splits,
    rows: o.shards.reduce((a, s) => a + s.rows, 0),
    tokens: o.shards.reduce((a, s) => a + s.tokens, 0),
    bytes: o.shards.reduce((a, s) => a + s.bytes, 0),
    label_counts: o.snapshot.labels,
    breakdown: o.snapshot.breakdown,
    columns: EXPORT_COLUMNS.map((c) => ({ ...c })),
    shards: o.shards,
  };
}
