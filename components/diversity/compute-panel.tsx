"use client";

import { useState } from "react";
import type { DiversityReportListItem } from "@/lib/diversity/types";
import { JobProgress } from "../jobs/job-progress";
import type { JobStatus } from "../jobs/types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { useCan } from "../user-context";
import { ReportStatusBadge } from "./report-status-badge";
import { useCancelDiversityReport } from "./use-cancel-diversity-report";
import { useCreateDiversityReport } from "./use-create-diversity-report";

/**
 * "Compute" (admins: the job marks near-duplicates for export) with a few parameters, and the live progress of
 * the scope's report in flight, with Cancel.
 */
export function ComputePanel({ datasetId, campaignId, live, onStarted }: { datasetId: number; campaignId: number | null; live: DiversityReportListItem | null; onStarted: (reportId: number) => void }) {
  const admin = useCan("admin");
  const create = useCreateDiversityReport();
  const cancel = useCancelDiversityReport();
  const [sampleSize, setSampleSize] = useState("1000");
  const [threshold, setThreshold] = useState("0.8");
  const [vectors, setVectors] = useState<"auto" | "tfidf" | "embeddings">("auto");
  const [seed, setSeed] = useState("1");

  const start = () =>
    create.mutate(
      { datasetId, campaignId, sampleSize: Number(sampleSize), threshold: Number(threshold), vectors, seed: Number(seed) },
      { onSuccess: (r) => onStarted(r.report.id) },
    );

  return (
    <div className="space-y-3" data-testid="diversity-compute-panel">
      {admin ? (
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            start();
          }}
        >
          <div className="w-44">
            <Field label="Sample size" hint="for distinct-n, n-grams, Vendi">
              <Input type="number" min={2} max={2000} value={sampleSize} onChange={(e) => setSampleSize(e.target.value)} data-testid="diversity-sample-size" />
            </Field>
          </div>
          <div className="w-40">
            <Field label="Near-duplicate Jaccard" hint="MinHash, every item">
              <Input type="number" min={0.1} max={0.99} step={0.05} value={threshold} onChange={(e) => setThreshold(e.target.value)} data-testid="diversity-threshold" />
            </Field>
          </div>
          <div className="w-44">
            <Field label="Vectors" hint="auto: embeddings if cached">
              <Select value={vectors} onChange={(e) => setVectors(e.target.value as typeof vectors)} data-testid="diversity-vectors">
                <option value="auto">auto</option>
                <option value="tfidf">TF-IDF</option>
                <option value="embeddings">embeddings</option>
              </Select>
            </Field>
          </div>
          <div className="w-36">
            <Field label="Seed" hint="sample and MinHash">
              <Input type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} data-testid="diversity-seed" />
            </Field>
          </div>
          <Button type="submit" className="mb-5" disabled={create.isPending || Boolean(live)} data-testid="diversity-compute">
            {create.isPending ? "Starting…" : "Compute"}
          </Button>
        </form>
      ) : (
        <p className="text-xs text-slate-500">Admins compute reports (the job marks near-duplicates for export). Viewers see the results.</p>
      )}
      {create.isError && <Alert tone="error">{create.error.message}</Alert>}
      {live && (
        <div className="flex flex-wrap items-center gap-3 rounded-md border border-sky-200 bg-sky-50 px-3 py-2" data-testid="diversity-progress">
          <span className="text-sm text-slate-700">Report #{live.id}</span>
          <ReportStatusBadge status={live.status} />
          {live.job && (
            <div className="min-w-64 flex-1">
              <JobProgress job={{ id: live.job.id, status: live.job.status as JobStatus, progressDone: live.job.progressDone, progressTotal: live.job.progressTotal, progress: live.job.progressTotal > 0 ? Math.min(1, live.job.progressDone / live.job.progressTotal) : null }} size="lg" />
              {live.job.message && <div className="truncate text-xs text-slate-600" data-testid="diversity-progress-message">{live.job.message}</div>}
              {live.status === "queued" && <div className="text-xs text-slate-500">Waiting for a worker (<code className="font-mono">npx syllabus worker</code>).</div>}
            </div>
          )}
          {admin && (
            <Button variant="danger" onClick={() => cancel.mutate(live.id)} disabled={cancel.isPending} data-testid="diversity-cancel">
              Cancel
            </Button>
          )}
          {cancel.isError && <span className="text-xs text-red-700">{cancel.error.message}</span>}
        </div>
      )}
    </div>
  );
}
