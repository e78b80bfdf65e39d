"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TCreateAudit } from "@/lib/audits/create-audit";
import type { AuditView } from "@/lib/audits/types";
import { api } from "../api";
import { qualityKeys } from "./query-keys";

export function useCreateAudit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TCreateAudit) => api<{ audit: AuditView }>("/api/audits", { body: input }).then((r) => r.audit),
    // A new audit changes the precision panel's default audit and the trend, not only the list.
    onSuccess: () => qc.invalidateQueries({ queryKey: qualityKeys.all }),
  });
}
