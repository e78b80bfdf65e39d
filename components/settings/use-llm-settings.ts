"use client";

import { useQuery } from "@tanstack/react-query";
import type { LlmSettingsView } from "@/lib/llm/describe-llm-settings";
import { api } from "../api";
import { settingsKeys } from "./query-keys";

export function useLlmSettings() {
  return useQuery({
    queryKey: settingsKeys.llm(),
    queryFn: ({ signal }) => api<{ settings: LlmSettingsView }>("/api/settings/llm", { signal }).then((r) => r.settings),
  });
}
