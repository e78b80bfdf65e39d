/**
 * Precision, recall and F1 from confusion counts; a figure is null when its denominator is zero (nothing
 * predicted positive, no positives). F1 is 0 when precision and recall are both 0.
 */
export function precisionRecallF1(c: { tp: number; fp: number; fn: number }): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
