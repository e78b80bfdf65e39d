"use client";

import Link from "next/link";
import { formatBytes } from "@/lib/format-bytes";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { useCan } from "../user-context";
import { ConfusionMatrix } from "./confusion-matrix";
import { CurveChart } from "./curve-chart";
import { count, dateTime, metric, percent } from "./format";
import { FlipSection } from "./flip-section";
import { ImportancesChart } from "./importances-chart";
import { MetricCards } from "./metric-cards";
import { ModelActions } from "./model-actions";
import { ActiveBadge, ModelStatusBadge } from "./model-status-badge";
import { ScoreRunsTable } from "./score-runs-table";
import { TrainingProgress } from "./training-progress";
import { useModel } from "./use-model";
import { useModels } from "./use-models";

/** /models/:id — one model version: metrics, curves, importances, data, params, artifact, score runs, what flipped. */
export function ModelDetail({ id }: { id: number }) {
  const q = useModel(id);
  const models = useModels();
  const isAdmin = useCan("admin");
  if (q.error) {
    const missing = (q.error as { status?: number }).status === 404;
    return <Alert tone="error">{missing ? <>No model with id {id}. <Link href="/models" className="underline">All models</Link></> : `Could not load the model: ${q.error.message}`}</Alert>;
  }
  if (!q.data) return <div className="h-64 animate-pulse rounded-lg bg-slate-200/60" aria-busy="true" aria-label="Loading model" />;
  const m = q.data;
  const metrics = m.metrics;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link href="/models" className="text-xs text-slate-500 hover:text-slate-900">← Models</Link>
          <h1 className="flex items-center gap-2 text-xl font-semibold tracking-tight text-slate-900">
            Model v{m.version} <ModelStatusBadge status={m.status} /> {m.active && <ActiveBadge />}
          </h1>
          <p className="text-sm text-slate-500">
            Trained on {m.datasetName ?? "a deleted dataset"} · high value at score ≥ {m.threshold} · created {dateTime(m.createdAt)}
            {m.trainedAt && <> · trained {dateTime(m.trainedAt)}</>}
          </p>
        </div>
        {isAdmin && <ModelActions model={m} />}
      </div>

      {m.status === "training" && m.job && (
        <Card title="Training">
          <TrainingProgress job={m.job} size="lg" />
          <p className="mt-2 text-xs text-slate-500">Follow the log on the <Link href={`/jobs/${m.job.id}`} className="text-indigo-700 hover:underline">job page</Link>.</p>
        </Card>
      )}
      {m.status === "failed" && <Alert tone="error">Training failed: {m.error ?? "see the job log"}{m.jobId !== null && <> (<Link href={`/jobs/${m.jobId}`} className="underline">job #{m.jobId}</Link>)</>}</Alert>}

      {metrics && (
        <>
          <MetricCards model={m} />
          <div className="grid gap-4 lg:grid-cols-3">
            <Card title="ROC curve (out-of-fold)">
              <CurveChart title={`ROC AUC ${metric(metrics.rocAuc)}`} points={metrics.rocCurve.fpr.map((x, i) => ({ x, y: metrics.rocCurve.tpr[i], threshold: metrics.rocCurve.thresholds[i] }))}
                xLabel="false positive rate" yLabel="true positive rate" cut={m.cut} diagonal testId="roc-curve" />
            </Card>
            <Card title="Precision–recall curve (out-of-fold)">
              <CurveChart title={`PR AUC ${metric(metrics.prAuc)}`} points={metrics.prCurve.recall.map((x, i) => ({ x, y: metrics.prCurve.precision[i], threshold: metrics.prCurve.thresholds[i] }))}
                xLabel="recall" yLabel="precision" cut={m.cut} baseline={m.data ? m.data.positives / Math.max(1, m.data.rows) : undefined} testId="pr-curve" />
            </Card>
            <Card title={`Confusion at the cut ${metric(m.cut)}`}>
              <ConfusionMatrix confusion={metrics.confusion} threshold={m.threshold} />
              <p className="mt-2 text-xs text-slate-500">Per-fold ROC AUC: {metrics.foldRocAuc.map((v) => metric(v)).join(" · ")}</p>
            </Card>
          </div>
        </>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="Feature importances (top 30)" className="lg:col-span-2">
          <ImportancesChart importances={m.importances} />
        </Card>
        <div className="space-y-4">
          <Card title="Training data">
            {m.data ? (
              <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm" data-testid="data-snapshot">
                <dt className="text-slate-500">Rows</dt><dd className="tabular-nums">{count(m.data.rows)}</dd>
                <dt className="text-slate-500">High (≥ {m.data.threshold})</dt><dd className="tabular-nums">{count(m.data.positives)} ({percent(m.data.positives / Math.max(1, m.data.rows))})</dd>
                <dt className="text-slate-500">Low</dt><dd className="tabular-nums">{count(m.data.negatives)}</dd>
                <dt className="text-slate-500">Target from humans</dt><dd className="tabular-nums">{count(m.data.fromHuman)}</dd>
                <dt className="text-slate-500">Target from the LLM</dt><dd className="tabular-nums">{count(m.data.fromLlm)}</dd>
                {m.data.llmSources.map((s) => (
                  <dd key={`${s.model}:${s.promptVersion}`} className="col-span-2 truncate pl-3 text-xs text-slate-500" title={`${s.model} · ${s.promptVersion}`}>
                    {s.model} · {s.promptVersion}: {count(s.rows)}
                  </dd>
                ))}
              </dl>
            ) : (
              <p className="text-sm text-slate-500">Recorded when training starts.</p>
            )}
          </Card>
          <Card title="Parameters">
            {m.params ? (
              <dl className="grid grid-cols-2 gap-x-3 gap-y-1 text-sm" data-testid="model-params">
                <dt className="text-slate-500">Trees</dt><dd>{m.params.trees}</dd>
                <dt className="text-slate-500">Max depth</dt><dd>{m.params.maxDepth ?? "unlimited"}</dd>
                <dt className="text-slate-500">Min samples / leaf</dt><dd>{m.params.minSamplesLeaf}</dd>
                <dt className="text-slate-500">Features / split</dt><dd>{m.params.maxFeatures}</dd>
                <dt className="text-slate-500">Class weight</dt><dd>{m.params.classWeight ?? "none"}</dd>
                <dt className="text-slate-500">Bootstrap</dt><dd>{m.params.bootstrap ? "yes" : "no"}</dd>
                <dt className="text-slate-500">Folds</dt><dd>{m.params.folds}</dd>
                <dt className="text-slate-500">Target precision</dt><dd>{percent(m.params.targetPrecision)}</dd>
                <dt className="text-slate-500">Seed</dt><dd>{m.params.seed}</dd>
                <dt className="text-slate-500">Features</dt>
                <dd className="truncate" title={m.features?.version}>{m.features ? `${m.features.version} (${m.features.dims})` : "—"}</dd>
                <dt className="text-slate-500">Embeddings</dt>
                <dd className="truncate" title={m.features?.embeddingModel ?? undefined}>{m.features?.embeddingModel ? `${m.features.embeddingModel} (${m.features.embeddingDims})` : m.params.useEmbeddings ? "requested" : "no"}</dd>
              </dl>
            ) : (
              <p className="text-sm text-slate-500">—</p>
            )}
          </Card>
          <Card title="Artifact">
            {m.artifactSha256 ? (
              <dl className="space-y-1 text-sm" data-testid="model-artifact">
                <div className="flex justify-between gap-2"><dt className="text-slate-500">Size</dt><dd className="tabular-nums">{m.artifactBytes === null ? "—" : formatBytes(m.artifactBytes)}</dd></div>
                {m.artifactPath && <div><dt className="text-slate-500">File</dt><dd className="font-mono text-[11px] break-all text-slate-700">{m.artifactPath}</dd></div>}
                <div><dt className="text-slate-500">sha256</dt><dd className="font-mono text-[11px] break-all text-slate-700">{m.artifactSha256}</dd></div>
              </dl>
            ) : (
              <p className="text-sm text-slate-500">Written when training finishes.</p>
            )}
          </Card>
        </div>
      </div>

      <Card title="Score runs">
        <ScoreRunsTable runs={m.scoreRuns} />
      </Card>

      <Card title="What flipped">
        {models.error ? (
          <Alert tone="error">Could not load the other versions: {models.error.message}</Alert>
        ) : !models.data ? (
          <div className="h-24 animate-pulse rounded bg-slate-100" aria-busy="true" aria-label="Loading versions" />
        ) : (
          <FlipSection model={m} models={models.data} />
        )}
      </Card>
    </div>
  );
}
