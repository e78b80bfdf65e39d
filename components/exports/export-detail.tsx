"use client";

import Link from "next/link";
import { useState } from "react";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { formatBytes } from "@/lib/format-bytes";
import { formatDuration } from "@/lib/format-duration";
import type { ExportDetail } from "@/lib/export/types";
import { Stat } from "../datasets/stat";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { ExportProgress } from "./export-progress";
import { ExportStatusBadge } from "./export-status-badge";
import { ACTIVE, fileUrl, fmtInt, fmtTokens } from "./format";
import { useExport } from "./use-export";
import { useExportAction } from "./use-export-action";
import { useExportTextFile } from "./use-export-text-file";

const linkButton = "rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50";

/** /exports/[id]: lineage, progress, shards with downloads, the manifest and the dataset card; cancel and delete. */
export function ExportDetailView({ id }: { id: number }) {
  const isAdmin = useCan("admin");
  const q = useExport(id);
  const cancel = useExportAction(id, "cancel");
  const remove = useExportAction(id, "delete");
  const [confirming, setConfirming] = useState(false);
  if (q.isPending) return <div className="h-64 animate-pulse rounded-lg bg-slate-200/60" aria-busy="true" aria-label="Loading export" />;
  if (q.isError) {
    return (
      <div className="space-y-3">
        <Alert tone="error">{(q.error as { status?: number }).status === 404 ? "This export does not exist." : q.error.message}</Alert>
        <Link href="/exports" className="text-sm text-indigo-700 hover:underline">← All exports</Link>
      </div>
    );
  }
  const e = q.data;
  const active = ACTIVE.has(e.status);
  const took = e.startedAt && e.finishedAt ? formatDuration(new Date(e.finishedAt).getTime() - new Date(e.startedAt).getTime()) : null;
  const actionError = cancel.error ?? remove.error;
  return (
    <div className="space-y-4" data-testid="export-detail">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <Link href="/exports" className="text-xs text-slate-500 hover:text-slate-800">← Exports</Link>
          <div className="mt-0.5 flex items-center gap-2">
            <h1 className="truncate text-xl font-semibold tracking-tight text-slate-900" data-testid="export-title">{e.name}</h1>
            <ExportStatusBadge status={e.status} />
          </div>
          <p className="text-sm text-slate-500">
            Export #{e.id} · {e.datasets.map((d, i) => (
              <span key={d.id}>{i > 0 && ", "}<Link href={`/datasets/${d.id}`} className="text-indigo-700 hover:underline">{d.name}</Link></span>
            ))} · {e.format === "parquet" ? "Parquet (Snappy)" : "JSONL.gz"} · seed {e.seed} · by {e.createdBy ? e.createdBy.name || e.createdBy.email : "the CLI"} on {new Date(e.createdAt).toLocaleString()}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {e.job && <Link href={`/jobs/${e.job.id}`} className={linkButton} data-testid="export-job-link">Job #{e.job.id}</Link>}
          {isAdmin && active && (
            <Button variant="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending || e.job?.cancelRequested} data-testid="cancel-export">
              {e.job?.cancelRequested ? "Cancelling…" : "Cancel"}
            </Button>
          )}
          {isAdmin && !active && e.status !== "deleted" && !confirming && (
            <Button variant="danger" onClick={() => setConfirming(true)} data-testid="delete-export">Delete…</Button>
          )}
        </div>
      </div>

      {confirming && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alertdialog" aria-label="Confirm delete" data-testid="confirm-delete">
          <span>Delete the files of this export ({e.shardCount} shards, {formatBytes(e.bytes)} in <span className="font-mono text-xs">{e.outDir}</span>)? Its record stays in the list as deleted.</span>
          <Button variant="danger" onClick={() => remove.mutate(undefined, { onSuccess: () => setConfirming(false) })} disabled={remove.isPending} data-testid="confirm-delete-export">{remove.isPending ? "Deleting…" : "Delete files"}</Button>
          <Button variant="ghost" onClick={() => setConfirming(false)} data-testid="cancel-delete-export">Keep</Button>
        </div>
      )}
      {actionError && <Alert tone="error">{actionError.message}</Alert>}
      {e.error && e.status !== "succeeded" && <Alert tone={e.status === "failed" ? "error" : "warning"}>{e.status === "failed" ? "" : "The last attempt stopped and will be retried: "}{e.error}</Alert>}
      {e.status === "deleted" && <Alert tone="info">The files of this export were deleted; its lineage is kept below.</Alert>}

      <Card>
        <div className="space-y-4">
          {e.status !== "deleted" && <ExportProgress exp={e} size="lg" testId="export-progress" />}
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
            <Stat size="lg" label="Rows" value={<span data-testid="export-rows">{fmtInt(e.rows)}</span>} sub={e.manifest?.splits.validation ? `validation ${fmtInt(e.manifest.splits.validation.rows)}` : "train only"} />
            <Stat size="lg" label="Tokens" value={<span data-testid="export-tokens">{fmtTokens(e.tokens)}</span>} sub="o200k, exact" />
            <Stat size="lg" label="Size" value={formatBytes(e.bytes)} sub={`${e.shardCount || e.shards.length} shards`} />
            <Stat size="lg" label="Model" value={e.model ? `v${e.model.version}` : "–"} sub={e.model ? (e.spec.filter.mode === "model" ? `cut ${e.model.cut?.toFixed(3)}` : "classifier_prob only") : "no classifier"} />
            <Stat size="lg" label="Seed" value={e.seed} sub="shuffle and split" />
            <Stat size="lg" label="Duration" value={took ?? "–"} sub={e.finishedAt ? new Date(e.finishedAt).toLocaleString() : active ? "in progress" : ""} />
          </dl>
          <div className="text-sm">
            <span className="text-xs font-medium tracking-wide text-slate-500 uppercase">Filter</span>
            <p className="text-slate-700" data-testid="export-detail-filter">{e.filterSummary}</p>
            <p className="mt-1 font-mono text-xs break-all text-slate-500" data-testid="export-outdir">{e.outDir}</p>
          </div>
          {e.job && active && <p className="text-xs text-slate-500" data-testid="export-job-message">{e.job.status === "queued" ? "Waiting for a worker (`npx syllabus worker`)…" : e.job.message}</p>}
        </div>
      </Card>

      <ShardsCard exp={e} />
      {e.status === "succeeded" && <FilesCard exp={e} />}
    </div>
  );
}

function ShardsCard({ exp: e }: { exp: ExportDetail }) {
  const downloadable = e.status === "succeeded";
  return (
    <Card title={`Shards (${e.shards.length}${e.status === "running" ? " written so far" : ""})`}>
      {e.shards.length === 0 ? (
        <p className="text-sm text-slate-500">{ACTIVE.has(e.status) ? "No shard finished yet." : "No shards."}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="shards-table">
            <thead className="text-left text-xs text-slate-500">
              <tr><th className="py-1">File</th><th>Split</th><th className="text-right">Rows</th><th className="text-right">Tokens</th><th className="text-right">Bytes</th><th>sha256</th></tr>
            </thead>
            <tbody>
              {e.shards.map((s) => (
                <tr key={s.fileName} className="border-t border-slate-100" data-testid={`shard-row-${s.split}-${s.index}`}>
                  <td className="py-1.5 font-mono text-xs">
                    {downloadable ? <a href={fileUrl(e.id, s.fileName)} download className="text-indigo-700 hover:underline" data-testid="shard-download">{s.fileName}</a> : s.fileName}
                  </td>
                  <td>{s.split}</td>
                  <td className="text-right tabular-nums">{fmtInt(s.rows)}</td>
                  <td className="text-right tabular-nums">{fmtInt(s.tokens)}</td>
                  <td className="text-right tabular-nums" title={`${fmtInt(s.bytes)} bytes`}>{formatBytes(s.bytes)}</td>
                  <td className="font-mono text-xs text-slate-500" title={s.sha256}>
                    <button type="button" className="hover:text-slate-900" onClick={() => void navigator.clipboard?.writeText(s.sha256)} aria-label={`Copy sha256 of ${s.fileName}`}>{s.sha256.slice(0, 16)}…</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

function FilesCard({ exp: e }: { exp: ExportDetail }) {
  const [view, setView] = useState<"README.md" | "manifest.json" | null>(null);
  const text = useExportTextFile(e.id, view ?? "README.md", view !== null);
  const { frontMatter, body } = splitFrontMatter(view === "README.md" ? (text.data ?? "") : "");
  return (
    <Card
      title="Manifest and dataset card"
      actions={
        <div className="flex flex-wrap gap-2">
          {(["README.md", "manifest.json"] as const).map((name) => (
            <span key={name} className="flex gap-1">
              <Button variant={view === name ? "primary" : "secondary"} onClick={() => setView(view === name ? null : name)} data-testid={`view-${name}`}>{view === name ? `Hide ${name}` : `View ${name}`}</Button>
              <a href={fileUrl(e.id, name)} download className={linkButton} data-testid={`download-${name}`}>Download</a>
            </span>
          ))}
        </div>
      }
    >
      {view === null ? (
        <p className="text-sm text-slate-500">The manifest records the filter, model and cut, seed, label counts, and every shard&apos;s rows, tokens, bytes and sha256; the card (README.md) makes the directory loadable with Hugging Face <span className="font-mono text-xs">datasets</span>.</p>
      ) : text.isError ? (
        <Alert tone="error">{text.error.message}</Alert>
      ) : text.isPending ? (
        <div className="h-40 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label={`Loading ${view}`} />
      ) : view === "manifest.json" ? (
        <pre className="max-h-[32rem] overflow-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-800" data-testid="manifest-view">{text.data}</pre>
      ) : (
        <div className="space-y-3" data-testid="card-view">
          {frontMatter && <pre className="overflow-auto rounded bg-slate-50 p-3 font-mono text-xs text-slate-600">{frontMatter}</pre>}
          <div className="max-w-none text-sm text-slate-700 [&_code]:font-mono [&_code]:text-xs [&_p]:my-2 [&_table]:my-2 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:text-base [&_h2]:font-semibold [&_li]:ml-4 [&_li]:list-disc [&_table]:text-xs [&_td]:border-t [&_td]:border-slate-100 [&_td]:px-2 [&_th]:px-2 [&_th]:text-left">
            <ReactMarkdown remarkPlugins={[remarkGfm]}>{body}</ReactMarkdown>
          </div>
        </div>
      )}
    </Card>
  );
}

function splitFrontMatter(md: string): { frontMatter: string | null; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  return m ? { frontMatter: m[1], body: md.slice(m[0].length) } : { frontMatter: null, body: md };
}
