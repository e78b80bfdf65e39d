import { db } from "@/lib/db/client";
import { badRequest, HttpError, notFound } from "@/lib/http/errors";
import { MAX_EXPORT_SEED, ZExportSpec, type ExportModelRef, type ResolvedExport, type TExportSpec } from "./types";

/**
 * Validates an export spec against the database and fixes what it leaves open: the datasets (with their
 * thresholds, for human verdicts), the model and cut of a "model" filter (default: the active model and its
 * cut), a seed (random when absent) and a name. Outside "model" mode the active model, if any, is recorded
 * too: its P(high) fills the classifier_prob column. 404 for an unknown dataset or model, 409 when a model
 * filter is asked for without any active model.
 */
export async function resolveExport(input: TExportSpec): Promise<ResolvedExport> {
  const spec = ZExportSpec.parse(input);
  const rows = await db().dataset.findMany({ where: { id: { in: spec.datasetIds } }, select: { id: true, name: true, kind: true, threshold: true } });
  const missing = spec.datasetIds.filter((id) => !rows.some((d) => d.id === id));
  if (missing.length) throw notFound(`no dataset with id ${missing.join(", ")}`);
  // Keep the caller's order: it is part of the spec (and of the manifest).
  const datasets = spec.datasetIds.map((id) => rows.find((d) => d.id === id)!);

  let model: ExportModelRef | null = null;
  let filter = spec.filter;
  if (filter.mode === "model") {
    const m = filter.modelId
      ? await db().classifierModel.findUnique({ where: { id: filter.modelId }, select: { id: true, version: true, cut: true, status: true } })
      : await db().classifierModel.findFirst({ where: { active: true }, select: { id: true, version: true, cut: true, status: true } });
    if (!m) {
      if (filter.modelId) throw notFound(`no classifier model with id ${filter.modelId}`);
      throw new HttpError(409, "no classifier model is active: train and activate one, or filter by LLM score, human approval or nothing (mode llm, human or all)");
    }
    if (m.status !== "ready") throw badRequest(`model v${m.version} is ${m.status}, not ready`);
    const cut = filter.cut ?? m.cut;
    if (cut === null || cut === undefined) throw badRequest(`model v${m.version} has no cut: pass one (0–1)`);
    model = { id: m.id, version: m.version, cut };
    filter = { mode: "model", modelId: m.id, cut };
  } else {
    const active = await db().classifierModel.findFirst({ where: { active: true }, select: { id: true, version: true, cut: true } });
    if (active) model = { id: active.id, version: active.version, cut: active.cut ?? 0.5 };
  }
  const seed = spec.seed ?? 1 + Math.floor(Math.random() * (MAX_EXPORT_SEED - 1));
  const name = spec.name ?? `${datasets.map((d) => d.name).join("+").slice(0, 80)}-export`;
  return { spec: { ...spec, filter, seed, name, languages: [...new Set(spec.languages)] }, datasets, model };
}
