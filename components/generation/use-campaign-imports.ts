"use client";

import { useQuery } from "@tanstack/react-query";
import { api } from "../api";
import { generationKeys } from "./query-keys";

export type CampaignImport = {
  id: number;
  fileName: string;
  status: string;
  inserted: number;
  duplicates: number;
  errorCount: number;
  fatalError: string | null;
  createdAt: string;
  job: { status: string; progressDone: number; progressTotal: number; message: string } | null;
};

const running = (r: CampaignImport) => r.status === "queued" || r.status === "running";

/** The JSONL imports attached to a campaign, polled while one is still importing. */
export function useCampaignImports(id: number) {
  return useQuery({
    queryKey: generationKeys.imports(id),
    queryFn: ({ signal }) => api<{ imports: CampaignImport[] }>(`/api/synthetic/campaigns/${id}/imports`, { signal }).then((r) => r.imports),
    refetchInterval: (q) => (q.state.data?.some(running) ? 1000 : false),
  });
}
