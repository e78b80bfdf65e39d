"use client";

import Link from "next/link";
import { useState } from "react";
import type { AuditView } from "@/lib/audits/types";
import type { DashboardModel } from "@/lib/dashboards/types";
import type { DatasetSummary } from "@/lib/datasets/types";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, Input } from "../ui/field";
import { useCan } from "../user-context";
import { DrillLink } from "./drill-link";
import { num, pct } from "./format";
import { useAudit } from "./use-audit";
import { useCreateAudit } from "./use-create-audit";

/**
 * Audits of the model in scope: create one (admin), pick the one the precision panel reads, follow each
 * one's labeling progress, open its review queue or its items in the table.
 */
export function AuditCard({ model, datasetId, datasets, audits, selectedId, onSelect }: {
  model: DashboardModel | null;
  datasetId: number | null;
  datasets: DatasetSummary[];
  audits: AuditView[];
  /** The audit the precision panel shows (chosen or the newest). */
  selectedId: number | null;
  onSelect: (auditId: number) => void;
}) {
  const isAdmin = useCan("admin");
  return (
    <Card title="Audits" actions={<span className="text-xs text-slate-500">uniform random samples of the kept and rejected sets, labeled by people</span>}>
      {!model ? (
        <p className="text-sm text-slate-500">An audit samples a classifier model&apos;s kept and rejected sets; train a model first.</p>
      ) : (
        <>
          {isAdmin ? <CreateAuditForm model={model} datasetId={datasetId} onCreated={onSelect} /> : <p className="mb-3 text-xs text-slate-500">An admin creates audits; annotators label them from the Spot-check queue.</p>}
          {audits.length === 0 ? (
            <p className="mt-3 text-sm text-slate-500" data-testid="audits-empty">No audit of model v{model.version}{datasetId ? " on this dataset" : ""} yet.</p>
          ) : (
            <table className="mt-3 w-full text-sm">
              <thead className="bg-slate-50 text-left text-xs text-slate-500">
                <tr>
                  <th className="px-2 py-1 font-medium">audit</th>
                  <th className="px-2 py-1 font-medium">scope</th>
                  <th className="px-2 py-1 text-right font-medium">kept sample</th>
                  <th className="px-2 py-1 text-right font-medium">rejected sample</th>
                  <th className="px-2 py-1 font-medium">progress</th>
                  <th className="px-2 py-1" />
                </tr>
              </thead>
              <tbody>
                {audits.map((a) => {
                  const selected = a.id === selectedId;
                  return (
                    <tr key={a.id} className={`border-t border-slate-100 ${selected ? "bg-indigo-50/60" : ""}`} data-testid={`audit-row-${a.id}`}>
                      <td className="px-2 py-1.5">
                        <button type="button" className="text-left font-medium text-indigo-700 hover:underline" onClick={() => onSelect(a.id)} aria-pressed={selected}>
                          #{a.id}{a.name ? ` ${a.name}` : ""}
                        </button>
                        <div className="text-xs text-slate-500">v{a.modelVersion}, cut {a.cut.toFixed(2)}, high ≥ {a.threshold} · {new Date(a.createdAt).toLocaleDateString()}</div>
                      </td>
                      <td className="px-2 py-1.5 text-xs">{a.datasetName ?? "all datasets"}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">
                        <DrillLink name={`audit-${a.id}-kept`} filters={{ auditId: a.id, side: "kept" }}>{num(a.keptSampled)}</DrillLink>
                        <div className="text-[11px] text-slate-500">of {num(a.keptCount)}</div>
                      </td>
                      <td className="px-2 py-1.5 text-right tabular-nums">
                        <DrillLink name={`audit-${a.id}-rejected`} filters={{ auditId: a.id, side: "rejected" }}>{num(a.rejectedSampled)}</DrillLink>
                        <div className="text-[11px] text-slate-500">of {num(a.rejectedCount)}</div>
                      </td>
                      <td className="px-2 py-1.5 text-xs">
                        <AuditProgress auditId={a.id} total={a.keptSampled + a.rejectedSampled} />
                      </td>
                      <td className="px-2 py-1.5 text-right">
                        <StartAuditing audit={a} datasets={datasets} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}

/**
 * The audit queue lives in the per-dataset review page (it serves the audit's items of that dataset in
 * their stored order): an audit over every dataset gets one link per dataset.
 */
function StartAuditing({ audit, datasets }: { audit: AuditView; datasets: DatasetSummary[] }) {
  const href = (datasetId: number) => `/review/${datasetId}?queue=audit&auditId=${audit.id}`;
  const cls = "whitespace-nowrap text-xs font-medium text-indigo-700 hover:underline";
  if (audit.datasetId !== null) {
    return <Link href={href(audit.datasetId)} className={cls} data-testid={`audit-start-${audit.id}`}>Start auditing →</Link>;
  }
  return (
    <details className="relative text-left" data-testid={`audit-start-${audit.id}`}>
      <summary className={`${cls} cursor-pointer list-none`}>Start auditing ▾</summary>
      <ul className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-1 shadow">
        {datasets.map((d) => (
          <li key={d.id}><Link href={href(d.id)} className="block rounded px-2 py-1 text-xs hover:bg-slate-50">{d.name}</Link></li>
        ))}
      </ul>
    </details>
  );
}

function AuditProgress({ auditId, total }: { auditId: number; total: number }) {
  const audit = useAudit(auditId);
  const stats = audit.data?.stats;
  if (!stats) return <span className="text-slate-400">{audit.isError ? "—" : "…"}</span>;
  const done = stats.kept.labeled + stats.rejected.labeled;
  return (
    <div className="w-36" data-testid={`audit-progress-${auditId}`}>
      <div className="tabular-nums">
        <DrillLink name={`audit-${auditId}-labeled`} filters={{ auditId, minHumanScore: 0 }}>{num(done)}</DrillLink> / {num(total)} labeled
      </div>
      <div className="mt-0.5 h-1.5 rounded bg-slate-100" aria-hidden>
        <div className="h-1.5 rounded bg-indigo-500" style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </div>
      <div className="text-[11px] text-slate-500">precision {pct(stats.kept.precision.estimate)} (n = {num(stats.kept.labeled)})</div>
    </div>
  );
}

function CreateAuditForm({ model, datasetId, onCreated }: { model: DashboardModel; datasetId: number | null; onCreated: (id: number) => void }) {
  const create = useCreateAudit();
  const [kept, setKept] = useState("200");
  const [rejected, setRejected] = useState("200");
  const [name, setName] = useState("");
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      data-testid="audit-create"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { modelId: model.id, datasetId: datasetId ?? undefined, keptSize: Number(kept), rejectedSize: Number(rejected), name },
          { onSuccess: (a) => onCreated(a.id) },
        );
      }}
    >
      <div className="w-32"><Field label="Kept sample"><Input type="number" min={0} max={10000} value={kept} onChange={(e) => setKept(e.target.value)} data-testid="audit-kept-size" /></Field></div>
      <div className="w-32"><Field label="Rejected sample"><Input type="number" min={0} max={10000} value={rejected} onChange={(e) => setRejected(e.target.value)} data-testid="audit-rejected-size" /></Field></div>
      <div className="w-56"><Field label="Name (optional)"><Input value={name} maxLength={200} onChange={(e) => setName(e.target.value)} /></Field></div>
      <Button type="submit" disabled={create.isPending} data-testid="audit-create-submit">{create.isPending ? "Sampling…" : `Create audit of v${model.version}`}</Button>
      <p className="basis-full text-xs text-slate-500">
        {datasetId ? "Samples this dataset only." : "Samples every dataset the model scored."} With 200 labeled items a side, a precision near 80% is known to about ±5.5%; 400 gives ±4%.
      </p>
      {create.isError && <div className="basis-full"><Alert tone="error">{create.error.message}</Alert></div>}
    </form>
  );
}
