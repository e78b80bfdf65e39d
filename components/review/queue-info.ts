import type { Queue, ReviewQueue } from "@/lib/labels/queues";

/**
 * Browser-side copy of lib/labels/queues.ts (components may not import lib values). The `satisfies`
 * and Record<Queue, …> types make the compiler flag any drift in the queue names.
 */
export const QUEUES = ["random", "stratified", "uncertain", "disagreements", "mine"] as const satisfies readonly Queue[];

export const QUEUE_INFO: Record<ReviewQueue, { title: string; description: string }> = {
  random: { title: "Random", description: "Unreviewed snippets that still need labels, in random order." },
  stratified: { title: "Stratified", description: "Same pool, balanced across LLM scores 0–5." },
  uncertain: { title: "Uncertain first", description: "Same pool, the snippets whose classifier probability is nearest the active model's cut first." },
  disagreements: { title: "Disagreements", description: "Snippets where a human score differs from the LLM score." },
  mine: { title: "My labels", description: "Your labels, most recent first, to revise." },
  // Not a tab: opened from the /quality page with its auditId.
  audit: { title: "Audit", description: "A precision audit's sample in its stored order, blind: the classifier probability is hidden." },
};

/** Same limits as the API (which enforces them): idle time beyond 10 minutes is not counted; notes ≤ 2000 characters. */
export const MAX_TIME_SPENT_MS = 10 * 60 * 1000;
export const MAX_NOTE_LENGTH = 2000;
