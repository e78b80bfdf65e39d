import type { TGenerationCampaignInput } from "@/lib/synthetic/campaign-input";

/** React Query keys for generation campaigns and synthetic datasets; invalidate through these. */
export const generationKeys = {
  all: ["generation"] as const,
  datasets: () => [...generationKeys.all, "datasets"] as const,
  list: () => [...generationKeys.all, "list"] as const,
  detail: (id: number) => [...generationKeys.all, "detail", id] as const,
  items: (id: number, status: string) => [...generationKeys.all, "items", id, status] as const,
  members: (id: number) => [...generationKeys.all, "members", id] as const,
  imports: (id: number) => [...generationKeys.all, "imports", id] as const,
  estimate: (input: TGenerationCampaignInput) => [...generationKeys.all, "estimate", input] as const,
};
