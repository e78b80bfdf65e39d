"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { formatBytes } from "@/lib/format-bytes";
import { ApiError } from "../api";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Field, Input, Select } from "../ui/field";
import { importKeys } from "./use-imports";

/** Sends the file as the raw request body (streamed to disk by the server), with upload progress. */
function upload(file: File, dataset: string, kind: string, onProgress: (f: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?dataset=${encodeURIComponent(dataset)}&filename=${encodeURIComponent(file.name)}${kind ? `&kind=${kind}` : ""}`);
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

export function UploadForm({ maxUploadBytes, datasets }: { maxUploadBytes: number; datasets: string[] }) {
  const qc = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState("");
  // "": a code corpus (or whatever the existing dataset holds); textbook/exercise: synthetic items.
  const [kind, setKind] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const tooLarge = file ? file.size > maxUploadBytes : false;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!file || !dataset.trim() || tooLarge) return;
    setError(null);
    setDone(null);
    setProgress(0);
    try {
      await upload(file, dataset.trim(), kind, setProgress);
      setDone(`${file.name} uploaded; the worker is importing it into “${dataset.trim()}”.`);
      setFile(null);
      if (fileRef.current) fileRef.current.value = "";
      void qc.invalidateQueries({ queryKey: importKeys.all });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setProgress(null);
    }
  }

  return (
    <Card title="Upload a corpus">
      <form onSubmit={submit} className="space-y-3" data-testid="upload-form">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="Dataset" hint="An existing dataset, or a new name to create one.">
            <Input name="dataset" list="dataset-names" required value={dataset} onChange={(e) => setDataset(e.target.value)} placeholder="e.g. stack-python-sample" />
            <datalist id="dataset-names">
              {datasets.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          </Field>
          <Field label="Contents" hint="Synthetic items: textbook {title, text} or exercise {prompt, solution, tests} records; a record's own kind wins.">
            <Select name="kind" value={kind} onChange={(e) => setKind(e.target.value)} data-testid="upload-kind">
              <option value="">Code corpus</option>
              <option value="textbook">Synthetic textbook sections</option>
              <option value="exercise">Synthetic exercises</option>
            </Select>
          </Field>
          <Field label="File" hint={`JSONL, JSONL.gz or Parquet; up to ${formatBytes(maxUploadBytes)} here (the CLI has no limit).`}>
            <Input ref={fileRef} name="file" type="file" required accept=".jsonl,.json,.ndjson,.gz,.parquet,.pq" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Field>
        </div>
        {tooLarge && file && (
          <Alert tone="error">
            {file.name} is {formatBytes(file.size)}, over the upload limit of {formatBytes(maxUploadBytes)}. Import it from a terminal:{" "}
            <code className="font-mono">npx syllabus import {file.name} --dataset {dataset || "<name>"}{kind ? ` --kind ${kind}` : ""}</code>
          </Alert>
        )}
        {error && <Alert tone="error">{error}</Alert>}
        {done && <Alert tone="success">{done}</Alert>}
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={!file || !dataset.trim() || tooLarge || progress !== null}>
            {progress !== null ? `Uploading… ${Math.round(progress * 100)}%` : "Upload and import"}
          </Button>
          {progress !== null && (
            <div className="h-1.5 w-48 overflow-hidden rounded bg-slate-200">
              <div className="h-full bg-indigo-500 transition-all" style={{ width: `${progress * 100}%` }} />
            </div>
          )}
        </div>
      </form>
    </Card>
  );
}
