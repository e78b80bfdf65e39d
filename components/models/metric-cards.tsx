import type { ModelDetail } from "@/lib/classifier/types";
import { count, metric, percent } from "./format";

function Stat({ label, value, sub, testId }: { label: string; value: React.ReactNode; sub?: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="text-xs font-medium text-slate-500">{label}</div>
      <div className="mt-0.5 text-2xl font-semibold tabular-nums text-slate-900" data-testid={testId}>{value}</div>
      {sub && <div className="mt-0.5 text-xs text-slate-500">{sub}</div>}
    </div>
  );
}

/** Headline cross-validated figures; "at the cut" figures are over the out-of-fold probabilities. */
export function MetricCards({ model }: { model: ModelDetail }) {
  const m = model.metrics;
  const folds = m?.foldRocAuc.filter((v): v is number => v !== null) ?? [];
  const spread = folds.length ? `${metric(Math.min(...folds))}–${metric(Math.max(...folds))}` : null;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
      <Stat
        label={`ROC AUC (${m?.folds ?? model.folds ?? "?"}-fold CV)`}
        value={metric(m?.rocAuc)}
        sub={m ? <>± {metric(m.rocAucStd)}{spread && <> · folds {spread}</>}</> : "not trained yet"}
        testId="model-auc"
      />
      <Stat label="PR AUC (average precision)" value={metric(m?.prAuc)} sub={model.data ? `${percent(model.data.positives / Math.max(1, model.data.rows))} positives` : undefined} />
      <Stat
        label="Precision / recall at the cut"
        value={<span>{percent(m?.precision)} <span className="text-slate-400">/</span> {percent(m?.recall)}</span>}
        sub={m ? <>F1 {metric(m.f1, 2)} · target precision {percent(m.targetPrecision)}</> : undefined}
      />
      <Stat
        label="Cut"
        value={metric(model.cut)}
        sub={m ? (m.cutReachedTarget ? "reaches the target precision" : (m.cutNote ?? "target not reached: 0.5")) : undefined}
      />
      <Stat
        label="Out-of-bag (final forest)"
        value={metric(m?.oob.rocAuc)}
        sub={m ? <>accuracy {percent(m.oob.accuracy, 1)} · coverage {percent(m.oob.coverage)}</> : undefined}
      />
      {m && <p className="col-span-full text-xs text-slate-500">Trained on {count(model.data?.rows)} snippets in {m.trainSeconds.toFixed(1)} s.</p>}
    </div>
  );
}
