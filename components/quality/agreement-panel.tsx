"use client";

import Link from "next/link";
import type { AgreementPanel as TAgreementPanel } from "@/lib/dashboards/types";
import { Alert } from "../ui/alert";
import { Card } from "../ui/card";
import { ConfusionHeatmap } from "./confusion-heatmap";
import { DrillLink, type DrillFilters } from "./drill-link";
import { fixed, num, pct } from "./format";

const th = "px-2 py-1 font-medium";
const td = "px-2 py-1 tabular-nums";

/** How far the judges agree: LLM vs human, human vs human, classifier vs human, per annotator and per LLM judge. */
export function AgreementPanel({ data }: { data: TAgreementPanel }) {
  const { llmVsHuman: lh, humanVsHuman: hh, classifierVsHuman: ch } = data;
  const scope: DrillFilters = { dataset: data.datasetId ?? undefined };
  const reviewHref = data.datasetId ? `/review/${data.datasetId}` : "/review";
  if (lh.n === 0 && hh.items === 0 && data.perAnnotator.length === 0) {
    return (
      <Card title="Agreement">
        <Alert tone="info">
          No human labels in this scope yet. <Link className="font-medium underline" href={reviewHref}>Spot-check some snippets</Link>: agreement compares
          them with the LLM labels, with each other (when several annotators label the same snippet) and with the classifier.
        </Alert>
      </Card>
    );
  }
  return (
    <Card title={<>Agreement <span className="font-normal text-slate-500">· high = score ≥ {data.threshold}</span></>}>
      <div className="grid gap-6 lg:grid-cols-[auto_1fr]">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-800">LLM vs human (median human score per snippet)</h3>
          {lh.n === 0 ? (
            <p className="text-sm text-slate-500">No snippet has both an LLM label and a human label yet.</p>
          ) : (
            <ConfusionHeatmap confusion={lh.confusion} threshold={lh.threshold} scope={scope} />
          )}
        </div>
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4" data-testid="agreement-llm-human">
            <Stat label="Snippets compared" value={<DrillLink name="llm-human-n" filters={{ ...scope, minHumanScore: 0, minScore: 0 }}>{num(lh.n)}</DrillLink>} />
            <Stat label="Exact agreement" value={pct(lh.exact)} />
            <Stat label="Cohen's κ (quadratic)" value={fixed(lh.kappaQuadratic)} hint="1 = perfect, 0 = chance" />
            <Stat label={`Binary agreement (≥ ${lh.threshold})`} value={pct(lh.binaryAgreement)} />
          </dl>
          <dl className="grid grid-cols-2 gap-3 text-sm md:grid-cols-4" data-testid="agreement-classifier-human">
            <Stat label={`Classifier vs human${ch.modelVersion !== null ? ` (v${ch.modelVersion})` : ""}`} value={ch.modelId === null ? "no model" : pct(ch.agreement)} hint={ch.modelId === null ? undefined : `n = ${num(ch.n)}, P(high) ≥ cut vs human ≥ ${data.threshold}`} />
            <Stat label="Classifier κ (binary)" value={fixed(ch.kappa)} />
            <Stat label="Krippendorff's α (ordinal)" value={fixed(hh.alpha)} hint={`${num(hh.items)} snippets with ≥ 2 human scores`} />
          </dl>
          <div>
            <h4 className="mb-1 text-xs font-medium text-slate-600">Human vs human, per pair (quadratic-weighted κ on snippets both scored)</h4>
            {hh.pairs.length === 0 ? (
              <p className="text-xs text-slate-500">No snippet has been scored by two annotators yet. Raise “labels per snippet” in the dataset settings to get overlap.</p>
            ) : (
              <table className="w-full text-xs" data-testid="agreement-pairs">
                <thead className="bg-slate-50 text-left text-slate-500">
                  <tr><th className={th}>annotator A</th><th className={th}>annotator B</th><th className={`${th} text-right`}>shared</th><th className={`${th} text-right`}>exact</th><th className={`${th} text-right`}>κ</th></tr>
                </thead>
                <tbody>
                  {hh.pairs.map((p) => (
                    <tr key={`${p.a}:${p.b}`} className="border-t border-slate-100">
                      <td className="px-2 py-1">{p.aEmail}</td>
                      <td className="px-2 py-1">{p.bEmail}</td>
                      <td className={`${td} text-right`}>{num(p.n)}</td>
                      <td className={`${td} text-right`}>{pct(p.exact)}</td>
                      <td className={`${td} text-right`}>{fixed(p.kappa)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">Per annotator</h3>
          <table className="w-full text-xs" data-testid="agreement-annotators">
            <thead className="bg-slate-50 text-left text-slate-500">
              <tr>
                <th className={th}>annotator</th><th className={`${th} text-right`}>labels</th><th className={`${th} text-right`}>skipped</th>
                <th className={`${th} text-right`}>median time</th><th className={`${th} text-right`}>agrees with others</th><th className={`${th} text-right`}>agrees with LLM</th>
              </tr>
            </thead>
            <tbody>
              {data.perAnnotator.map((a) => (
                <tr key={a.userId} className="border-t border-slate-100">
                  <td className="px-2 py-1">{a.email}</td>
                  <td className={`${td} text-right`}><DrillLink name={`annotator-${a.userId}`} filters={{ ...scope, reviewer: a.userId }}>{num(a.labels)}</DrillLink></td>
                  <td className={`${td} text-right`}>{num(a.skipped)}</td>
                  <td className={`${td} text-right`}>{a.medianSeconds === null ? "—" : `${a.medianSeconds.toFixed(1)} s`}</td>
                  <td className={`${td} text-right`} title={`exact agreement on ${a.sharedItems} shared snippet(s)`}>{pct(a.agreementWithOthers)} <span className="text-slate-400">({num(a.sharedItems)})</span></td>
                  <td className={`${td} text-right`}>{pct(a.agreementWithLlm)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">Per LLM judge (model × prompt version) vs humans</h3>
          {data.perJudge.length === 0 ? (
            <p className="text-xs text-slate-500">No LLM-labeled snippet has a human label yet.</p>
          ) : (
            <table className="w-full text-xs" data-testid="agreement-judges">
              <thead className="bg-slate-50 text-left text-slate-500">
                <tr><th className={th}>model</th><th className={th}>prompt</th><th className={`${th} text-right`}>n</th><th className={`${th} text-right`}>exact</th><th className={`${th} text-right`}>κ (quadratic)</th></tr>
              </thead>
              <tbody>
                {data.perJudge.map((j) => (
                  <tr key={`${j.model}:${j.promptVersion}`} className="border-t border-slate-100">
                    <td className="px-2 py-1 font-mono">{j.model}</td>
                    <td className="px-2 py-1 font-mono">{j.promptVersion}</td>
                    <td className={`${td} text-right`}>{num(j.n)}</td>
                    <td className={`${td} text-right`}>{pct(j.exact)}</td>
                    <td className={`${td} text-right`}>{fixed(j.kappaQuadratic)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="mt-1 text-xs text-slate-500">A change of judge (new model or prompt) shows up as a new row: compare its κ with the previous one before relabeling at scale.</p>
        </div>
      </div>
    </Card>
  );
}

function Stat({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums text-slate-900">{value}</dd>
      {hint && <dd className="text-[11px] text-slate-500">{hint}</dd>}
    </div>
  );
}
