import type { Interval } from "@/lib/metrics/wilson-interval";

/**
 * Recall of a filter estimated from its audit: of the truly high snippets, kept·P are kept and
 * rejected·FOR were rejected, so recall = kept·P / (kept·P + rejected·FOR). The interval combines the two
 * Wilson intervals conservatively (low from P low and FOR high, high from P high and FOR low): a
 * simultaneous ≥ 95% statement is not claimed, only that both ends are the worst and best cases of the two
 * intervals. An empty side contributes exactly 0.
 */
export function estimateRecall({ keptCount, rejectedCount, precision, forRate }: { keptCount: number; rejectedCount: number; precision: Interval; forRate: Interval }): Interval {
  const share = (p: number | null, f: number | null): number | null => {
    if (p === null || f === null) return null;
    const kept = keptCount * p;
    const missed = rejectedCount * f;
    return kept + missed === 0 ? null : kept / (kept + missed);
  };
  const P = keptCount === 0 ? { estimate: 0, low: 0, high: 0 } : precision;
  const F = rejectedCount === 0 ? { estimate: 0, low: 0, high: 0 } : forRate;
  return { estimate: share(P.estimate, F.estimate), low: share(P.low, F.high) ?? 0, high: share(P.high, F.low) ?? 1 };
}
