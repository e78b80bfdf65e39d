import type { ExportModelRef, ResolvedExportSpec, TExportSpec } from "./types";

/**
 * One line saying which snippets an export keeps, for the exports list, the manifest and the dataset card:
 * "classifier v3 P(high) ≥ 0.620 · no human-rejected · no contaminated · python, go · 50–2,000 tokens".
 * Pure (no database), so the builder form shows the same words as the stored export.
 */
export function describeExportFilter(spec: ResolvedExportSpec | TExportSpec, model: Pick<ExportModelRef, "version" | "cut"> | null): string {
  const f = spec.filter ?? { mode: "model" as const };
  const parts: string[] = [];
  if (f.mode === "model") parts.push(model ? `classifier v${model.version} P(high) ≥ ${(f.cut ?? model.cut).toFixed(3)}` : "the active classifier at its cut");
  else if (f.mode === "llm") parts.push(`LLM score ≥ ${f.minLlmScore}`);
  else if (f.mode === "human") parts.push("human-approved (median human score ≥ threshold)");
  else parts.push("all snippets");
  if (spec.excludeHumanRejected ?? true) parts.push("no human-rejected");
  if (spec.includeSynthetic) parts.push("+ approved synthetic items");
  if (spec.excludeContaminated ?? true) parts.push("no contaminated (unless overridden)");
  else parts.push("contaminated kept");
  if (spec.excludeNearDuplicates) parts.push("no near-duplicates");
  if (spec.languages?.length) parts.push(spec.languages.join(", "));
  const fmt = (n: number) => n.toLocaleString("en-US");
  if (spec.minTokens !== undefined && spec.maxTokens !== undefined) parts.push(`${fmt(spec.minTokens)}–${fmt(spec.maxTokens)} tokens`);
  else if (spec.minTokens !== undefined) parts.push(`≥ ${fmt(spec.minTokens)} tokens`);
  else if (spec.maxTokens !== undefined) parts.push(`≤ ${fmt(spec.maxTokens)} tokens`);
  return parts.join(" · ");
}
