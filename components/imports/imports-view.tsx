"use client";

import { Alert } from "../ui/alert";
import { useCan } from "../user-context";
import { ImportsTable } from "./imports-table";
import { UploadForm } from "./upload-form";
import { useImports } from "./use-imports";

export function ImportsView() {
  const canImport = useCan("admin");
  const imports = useImports();
  if (imports.error) return <Alert tone="error">{imports.error.message}</Alert>;
  if (!imports.data) return <div className="h-40 animate-pulse rounded-lg bg-slate-200/60" />;
  const datasets = [...new Set(imports.data.imports.map((r) => r.dataset))];
  return (
    <div className="space-y-4">
      {canImport ? <UploadForm maxUploadBytes={imports.data.maxUploadBytes} datasets={datasets} /> : <Alert tone="info">Only admins can import data.</Alert>}
      <ImportsTable rows={imports.data.imports} />
    </div>
  );
}
