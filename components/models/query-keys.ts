import type { FlipDirection } from "@/lib/classifier/types";

/** React Query keys for classifier models; invalidate through these, never with hand-written arrays. */
export const modelKeys = {
  all: ["models"] as const,
  list: () => [...modelKeys.all, "list"] as const,
  active: () => [...modelKeys.all, "active"] as const,
  detail: (id: number) => [...modelKeys.all, "detail", id] as const,
  compare: (from: number, to: number) => [...modelKeys.all, "compare", from, to] as const,
  flipped: (from: number, to: number, direction: FlipDirection, after: number) => [...modelKeys.all, "flipped", from, to, direction, after] as const,
};
