"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useDatasets } from "../datasets/use-datasets";
import { useModels } from "../models/use-models";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { Field, Select } from "../ui/field";
import { AgreementPanel } from "./agreement-panel";
import { AuditCard } from "./audit-card";
import { ClassifierPanel } from "./classifier-panel";
import { PrecisionPanel } from "./precision-panel";
import type { QualityScope } from "./query-keys";
import { useAgreementPanel } from "./use-agreement-panel";
import { useAudits } from "./use-audits";
import { useClassifierPanel } from "./use-classifier-panel";
import { usePrecisionPanel } from "./use-precision-panel";

const positive = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * The quality dashboards. Scope (dataset, model, audit) lives in the URL so a view can be shared; the
 * figures come from the dashboard APIs (aggregates in SQL), never from snippets loaded into the browser.
 */
export function QualityView() {
  const params = useSearchParams();
  const pathname = usePathname();
  const scope: QualityScope = useMemo(
    () => ({ datasetId: positive(params.get("dataset")), modelId: positive(params.get("model")), auditId: positive(params.get("audit")) }),
    [params],
  );
  const setScope = useCallback(
    (patch: Partial<Record<"dataset" | "model" | "audit", string>>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(patch)) {
        if (v) next.set(k, v);
        else next.delete(k);
      }
      const qs = next.toString();
      // replaceState: the data comes from the JSON API, a server round trip per change would only add latency.
      window.history.replaceState(null, "", qs ? `${pathname}?${qs}` : pathname);
    },
    [pathname],
  );

  const datasets = useDatasets();
  const models = useModels();
  const precision = usePrecisionPanel(scope);
  const agreement = useAgreementPanel(scope);
  const classifier = useClassifierPanel(scope);
  const model = precision.data?.model ?? null;
  const audits = useAudits({ datasetId: scope.datasetId, modelId: model?.id });
  const ready = (models.data ?? []).filter((m) => m.status === "ready");
  const shownAudit = precision.data?.audit ?? null;

  return (
    <div className="space-y-5">
      <div className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-sm md:grid-cols-3" data-testid="quality-scope">
        <Field label="Dataset">
          <Select value={scope.datasetId ?? ""} onChange={(e) => setScope({ dataset: e.target.value, audit: "" })} data-testid="quality-dataset">
            <option value="">All datasets</option>
            {(datasets.data ?? []).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
          </Select>
        </Field>
        <Field label="Classifier model">
          <Select value={scope.modelId ?? ""} onChange={(e) => setScope({ model: e.target.value, audit: "" })} data-testid="quality-model">
            <option value="">Active model</option>
            {ready.map((m) => <option key={m.id} value={m.id}>v{m.version}{m.active ? " (active)" : ""}{m.cut !== null ? ` · cut ${m.cut.toFixed(2)}` : ""}</option>)}
          </Select>
        </Field>
        <Field label="Audit">
          <Select value={scope.auditId ?? ""} onChange={(e) => setScope({ audit: e.target.value })} data-testid="quality-audit" disabled={!audits.data?.length}>
            <option value="">{audits.data?.length ? "Newest audit of the model" : "No audit yet"}</option>
            {(audits.data ?? []).map((a) => <option key={a.id} value={a.id}>#{a.id}{a.name ? ` ${a.name}` : ""} · {a.keptSampled}+{a.rejectedSampled} items</option>)}
          </Select>
        </Field>
      </div>

      {precision.isError ? (
        <Alert tone="error">Filter precision: {precision.error.message}</Alert>
      ) : precision.data ? (
        <PrecisionPanel data={precision.data} datasets={datasets.data ?? []} />
      ) : (
        <PanelSkeleton title="Filter precision" />
      )}

      <AuditCard
        model={model}
        datasetId={scope.datasetId ?? null}
        datasets={datasets.data ?? []}
        audits={audits.data ?? []}
        selectedId={shownAudit?.id ?? null}
        onSelect={(id) => setScope({ audit: String(id) })}
      />

      {agreement.isError ? (
        <Alert tone="error">Agreement: {agreement.error.message}</Alert>
      ) : agreement.data ? (
        <AgreementPanel data={agreement.data} />
      ) : (
        <PanelSkeleton title="Agreement" />
      )}

      {classifier.isError ? (
        <Alert tone="error">Classifier: {classifier.error.message}</Alert>
      ) : classifier.data ? (
        <ClassifierPanel data={classifier.data} />
      ) : (
        <PanelSkeleton title="Classifier" />
      )}
    </div>
  );
}

function PanelSkeleton({ title }: { title: string }) {
  return (
    <Card title={title}>
      <div className="h-40 animate-pulse rounded bg-slate-100" aria-label={`Loading ${title}`} role="status" />
    </Card>
  );
}
