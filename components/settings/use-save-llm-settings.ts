"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LlmSettingsView } from "@/lib/llm/describe-llm-settings";
import type { TSaveLlmSettings } from "@/lib/llm/save-llm-settings";
import { api } from "../api";
import { settingsKeys } from "./query-keys";

export function useSaveLlmSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: TSaveLlmSettings) => api<{ settings: LlmSettingsView }>("/api/settings/llm", { method: "PUT", body: patch }).then((r) => r.settings),
    onSuccess: (settings) => {
      qc.setQueryData(settingsKeys.llm(), settings);
      void qc.invalidateQueries({ queryKey: settingsKeys.llmStatus() });
    },
  });
}
