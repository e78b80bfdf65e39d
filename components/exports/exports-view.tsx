"use client";

import { Alert } from "../ui/alert";
import { ExportBuilder } from "./export-builder";
import { ExportsTable } from "./exports-table";
import { useExports } from "./use-exports";

/** /exports: the builder with its live preview, then every past export with its lineage. */
export function ExportsView() {
  const exports = useExports();
  return (
    <div className="space-y-6">
      <ExportBuilder />
      {exports.error ? (
        <Alert tone="error">Could not load exports: {exports.error.message}</Alert>
      ) : !exports.data ? (
        <div className="h-32 animate-pulse rounded-lg bg-slate-200/60" aria-busy="true" aria-label="Loading exports" />
      ) : (
        <ExportsTable exports={exports.data.exports} />
      )}
    </div>
  );
}
