import { parseArgs } from "node:util";
import { agreementPanel } from "@/lib/dashboards/agreement-panel";
import { precisionPanel } from "@/lib/dashboards/precision-panel";
import type { AgreementPanel, Interval, PrecisionPanel } from "@/lib/dashboards/types";
import { datasetByName, modelByVersion } from "../lookups";

const USAGE = `usage: syllabus metrics --dataset <name> [--model <version>] [--audit <id>] [--json]

  Prints the filter's precision and estimated recall with 95% Wilson intervals and sample sizes (from the
  model's newest audit of the dataset), how many more audit labels reach ±0.05 / ±0.03, and agreement:
  LLM vs human, human vs human, classifier vs human, per LLM judge. --model defaults to the active model.
  --json prints { dataset, precision, agreement } as the /api/dashboards endpoints return them.`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { dataset: { type: "string" }, model: { type: "string" }, audit: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
  } catch (e) {
    return usage((e as Error).message);
  }
  const { values } = parsed;
  if (values.help) return usage();
  if (!values.dataset) return usage("--dataset is required");
  const dataset = await datasetByName(values.dataset);
  if ("problem" in dataset) {
    console.error(`syllabus metrics: ${dataset.problem}`);
    return 1;
  }
  let modelId: number | undefined;
  if (values.model !== undefined) {
    const model = await modelByVersion(values.model);
    if ("problem" in model) {
      console.error(`syllabus metrics: ${model.problem}`);
      return 1;
    }
    modelId = model.id;
  }
  const auditId = values.audit === undefined ? undefined : Number(values.audit);
  if (auditId !== undefined && !(Number.isInteger(auditId) && auditId > 0)) return usage("--audit must be an audit id");

  const precision = await precisionPanel({ datasetId: dataset.id, modelId, auditId });
  const agreement = await agreementPanel({ datasetId: dataset.id, modelId });
  if (values.json) console.log(JSON.stringify({ dataset, precision, agreement }, null, 2));
  else console.log(formatMetrics(dataset.name, precision, agreement));
  return 0;
}

const num = (v: number | null | undefined, digits = 3) => (v === null || v === undefined ? "—" : v.toFixed(digits));
const interval = (i: Interval) => (i.estimate === null ? "—  (no labels yet)" : `${num(i.estimate)}  [${num(i.low)}, ${num(i.high)}]`);

export function formatMetrics(name: string, p: PrecisionPanel, a: AgreementPanel): string {
  const out: string[] = [`Dataset ${name}`];
  if (p.model) out.push(`Model v${p.model.version}${p.model.active ? " (active)" : ""}, cut ${num(p.model.cut)}`);
  if (p.audit) {
    out.push(`Audit #${p.audit.id}${p.audit.name ? ` "${p.audit.name}"` : ""}: cut ${num(p.audit.cut)}, truly high = median human score ≥ ${p.audit.threshold}; kept ${p.audit.keptCount}, rejected ${p.audit.rejectedCount} snippets`);
    const { kept, rejected } = p.sampleSizes;
    out.push(
      "",
      "Filter (95% Wilson intervals)",
      `  precision of kept     ${interval(p.precision)}  n=${kept.labeled} labeled of ${kept.sampled} sampled`,
      `  false-omission rate   ${interval(p.falseOmission)}  n=${rejected.labeled} labeled of ${rejected.sampled} sampled`,
      `  estimated recall      ${interval(p.recall)}  (interval: worst/best corners of the two intervals)`,
      ...p.labelMore.map((l) => `  to reach ±${l.margin}: label ${l.more} more kept, ${l.moreRejected} more rejected audit items`),
    );
  }
  if (p.note) out.push("", p.note);
  out.push(
    "",
    `Agreement (high = score ≥ ${a.threshold})`,
    `  LLM vs human          n=${a.llmVsHuman.n}  exact ${num(a.llmVsHuman.exact)}  kappa (quadratic) ${num(a.llmVsHuman.kappaQuadratic)}  binary ${num(a.llmVsHuman.binaryAgreement)}`,
    `  human vs human        Krippendorff's alpha (ordinal) ${num(a.humanVsHuman.alpha)} over ${a.humanVsHuman.items} items with ≥ 2 labels`,
    ...a.humanVsHuman.pairs.slice(0, 10).map((x) => `    ${x.aEmail} × ${x.bEmail}  n=${x.n}  kappa ${num(x.kappa)}  exact ${num(x.exact)}`),
    `  classifier vs human   ${a.classifierVsHuman.modelVersion === null ? "no model" : `v${a.classifierVsHuman.modelVersion}`}  n=${a.classifierVsHuman.n}  agreement ${num(a.classifierVsHuman.agreement)}  kappa ${num(a.classifierVsHuman.kappa)}`,
    ...a.perJudge.map((j) => `  judge ${j.model} / ${j.promptVersion}  n=${j.n}  exact ${num(j.exact)}  kappa (quadratic) ${num(j.kappaQuadratic)}`),
  );
  return out.join("\n");
}

function usage(problem?: string): number {
  if (problem) console.error(`syllabus metrics: ${problem}\n`);
  (problem ? console.error : console.log)(USAGE);
  return problem ? 2 : 0;
}
