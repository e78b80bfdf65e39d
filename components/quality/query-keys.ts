/** React Query keys of the quality dashboards; invalidate through these, never with hand-written arrays. */
export type QualityScope = { datasetId?: number; modelId?: number; auditId?: number };

export const qualityKeys = {
  all: ["quality"] as const,
  precision: (s: QualityScope) => [...qualityKeys.all, "precision", s] as const,
  agreement: (s: QualityScope) => [...qualityKeys.all, "agreement", s.datasetId ?? null] as const,
  classifier: (s: QualityScope) => [...qualityKeys.all, "classifier", s.datasetId ?? null, s.modelId ?? null] as const,
  audits: (s: QualityScope) => [...qualityKeys.all, "audits", s.datasetId ?? null, s.modelId ?? null] as const,
  audit: (id: number) => [...qualityKeys.all, "audit", id] as const,
};

/** The query string of a scope, empty values left out. */
export function scopeQuery(s: QualityScope): string {
  const q = new URLSearchParams();
  if (s.datasetId !== undefined) q.set("datasetId", String(s.datasetId));
  if (s.modelId !== undefined) q.set("modelId", String(s.modelId));
  if (s.auditId !== undefined) q.set("auditId", String(s.auditId));
  return q.toString();
}
