"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { BenchmarkImportReport } from "@/lib/decontam/types";
import { ApiError } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/field";
import { decontamKeys } from "./query-keys";

/** Sends the file as the raw request body (streamed to disk by the server, imported at once). */
function upload(file: File, name: string): Promise<{ report: BenchmarkImportReport }> {
  const q = new URLSearchParams({ filename: file.name });
  if (name) q.set("name", name);
  return fetch(`/api/benchmarks?${q}`, { method: "POST", body: file, headers: { "content-type": "application/octet-stream" }, credentials: "same-origin" }).then(async (res) => {
    const data = await res.json().catch(() => ({}));
    if (!res.ok) throw new ApiError(res.status, data.error ?? `upload failed (${res.status})`);
    return data;
  });
}

/** Admins upload HumanEval / MBPP / any prompt-solution JSONL (or .gz); the report lists malformed lines. */
export function BenchmarkUploadForm() {
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<BenchmarkImportReport | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const r = await upload(file, name.trim());
      setReport(r.report);
      setFile(null);
      setName("");
      if (fileRef.current) fileRef.current.value = "";
      void qc.invalidateQueries({ queryKey: decontamKeys.all });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3 border-t border-slate-100 pt-3" data-testid="benchmark-upload-form">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Benchmark file" hint="JSONL or JSONL.gz: HumanEval, MBPP, or any rows with prompt/solution fields.">
          <Input ref={fileRef} name="benchmark-file" type="file" required accept=".jsonl,.json,.ndjson,.gz" aria-label="Benchmark file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="benchmark-file" />
        </Field>
        <Field label="Name (optional)" hint="Default: the file name, e.g. HumanEval. The same name again replaces its items.">
          <Input name="benchmark-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. humaneval" maxLength={100} data-testid="benchmark-name" />
        </Field>
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {report && (
        <Alert tone={report.errorCount ? "warning" : "success"}>
          <span data-testid="benchmark-import-report">
            Imported “{report.benchmark.name}”: {report.benchmark.itemCount} items ({report.inserted} new, {report.updated} changed, {report.unchanged} unchanged, {report.removed} removed).
            {report.errorCount > 0 && <> {report.errorCount} malformed line{report.errorCount === 1 ? "" : "s"} skipped:</>}
          </span>
          {report.errorCount > 0 && (
            <ul className="mt-1 max-h-32 list-disc overflow-auto pl-5 font-mono text-xs" data-testid="benchmark-import-errors">
              {report.errors.slice(0, 50).map((e) => (
                <li key={e.line}>
                  line {e.line}: {e.reason}
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      <Button type="submit" disabled={!file || busy} data-testid="benchmark-upload">
        {busy ? "Importing…" : "Import benchmark"}
      </Button>
    </form>
  );
}
