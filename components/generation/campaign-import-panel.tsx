"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { formatBytes } from "@/lib/format-bytes";
import { ApiError } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Field, Input, Select } from "../ui/field";
import { useCan } from "../user-context";
import { generationKeys } from "./query-keys";
import { useCampaignImports } from "./use-campaign-imports";

function upload(campaignId: number, file: File, kind: string, onProgress: (f: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/synthetic/campaigns/${campaignId}/import?filename=${encodeURIComponent(file.name)}${kind ? `&kind=${kind}` : ""}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let data: { error?: string } = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* non-JSON error page */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else reject(new ApiError(xhr.status, data.error ?? `upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new ApiError(0, "network error during upload"));
    xhr.send(file);
  });
}

/** Upload a JSONL(.gz) of externally generated items into this campaign, and the imports made so far. */
export function CampaignImportPanel({ campaignId, defaultKind }: { campaignId: number; defaultKind: string }) {
  const isAdmin = useCan("admin");
  const qc = useQueryClient();
  const imports = useCampaignImports(campaignId);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState(defaultKind === "exercise" ? "exercise" : "textbook");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setProgress(0);
    try {
      await upload(campaignId, file, kind, setProgress);
      setFile(null);
      if (fileRef.current) fileRef.current.value = "";
      void qc.invalidateQueries({ queryKey: generationKeys.all });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <div className="space-y-3">
      {isAdmin ? (
        <form onSubmit={submit} className="flex flex-wrap items-end gap-3" data-testid="campaign-import-form">
          <Field label="JSONL or JSONL.gz file" hint="textbook {id, topic, audience, title, text} · exercise {id, topic, function_name, prompt, solution, tests}">
            <Input ref={fileRef} type="file" accept=".jsonl,.json,.ndjson,.gz" onChange={(e) => setFile(e.target.files?.[0] ?? null)} data-testid="campaign-import-file" />
          </Field>
          <Field label="Records without a kind are">
            <Select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="campaign-import-kind">
              <option value="textbook">textbook sections</option>
              <option value="exercise">exercises</option>
            </Select>
          </Field>
          <Button type="submit" disabled={!file || progress !== null} data-testid="campaign-import-submit">
            {progress !== null ? `Uploading… ${Math.round(progress * 100)}%` : "Import into this campaign"}
          </Button>
        </form>
      ) : (
        <p className="text-sm text-slate-500">Admins can import JSONL files of externally generated items into this campaign.</p>
      )}
      {error && <Alert tone="error">{error}</Alert>}
      {imports.data && imports.data.length > 0 && (
        <table className="w-full text-sm [&_td]:px-2 [&_th]:px-2" data-testid="campaign-imports">
          <thead className="text-left text-xs text-slate-500">
            <tr><th className="py-1">File</th><th>Status</th><th className="text-right">Imported</th><th className="text-right">Duplicates</th><th className="text-right">Bad lines</th><th>When</th></tr>
          </thead>
          <tbody>
            {imports.data.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="py-1.5 font-mono text-xs">{r.fileName}</td>
                <td className="text-xs">
                  {r.status}
                  {r.job && (r.status === "queued" || r.status === "running") && r.job.progressTotal > 0 && ` · ${formatBytes(r.job.progressDone)} of ${formatBytes(r.job.progressTotal)}`}
                  {r.fatalError && <span className="block text-red-700">{r.fatalError}</span>}
                </td>
                <td className="text-right tabular-nums">{r.inserted}</td>
                <td className="text-right tabular-nums">{r.duplicates}</td>
                <td className={`text-right tabular-nums ${r.errorCount ? "text-red-700" : ""}`}>{r.errorCount ? <a href="/imports" className="underline" title="Line numbers and reasons on the Imports page">{r.errorCount}</a> : 0}</td>
                <td className="text-xs text-slate-500">{new Date(r.createdAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
