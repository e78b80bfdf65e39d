import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { createDecontamRun, type TCreateDecontamRun } from "@/lib/decontam/create-decontam-run";
import { runDecontam } from "@/lib/decontam/run-decontam";
import { composeContent, type SyntheticKind, type SyntheticParts } from "@/lib/synthetic/compose-content";
import { jobRegistry } from "@/workers/registry";

export const SHARED = path.resolve(process.cwd(), "../shared/data");
export const HUMAN_EVAL = path.join(SHARED, "benchmarks/HumanEval.jsonl.gz");
export const EXERCISES = path.join(SHARED, "synthetic/exercises.jsonl");
export const TEXTBOOKS = path.join(SHARED, "synthetic/textbooks.jsonl");

export type SharedExercise = { id: string; topic: string; function_name: string; prompt: string; solution: string; tests: string };
export type SharedTextbook = { id: string; topic: string; audience: string; title: string; text: string };

export const readJsonl = <T>(file: string): T[] =>
  fs.readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** A scratch file with these lines (or raw text). */
export function tempFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-decontam-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export async function createDataset(name: string, kind = "code"): Promise<number> {
  return (await db().dataset.create({ data: { name, kind } })).id;
}

/** A plain snippet. */
export async function addSnippet(datasetId: number, content: string, extra: { path?: string } = {}): Promise<number> {
  const s = await db().snippet.create({
    data: {
      datasetId,
      content,
      contentHash: crypto.createHash("sha256").update(content).digest("hex"),
      language: "python",
      path: extra.path ?? null,
      sizeBytes: Buffer.byteLength(content),
      lineCount: content.split("\n").length,
    },
  });
  await db().dataset.update({ where: { id: datasetId }, data: { snippetCount: { increment: 1 } } });
  return s.id;
}

/** A synthetic item the way generation/import stores it: its snippet (content from composeContent) and SyntheticItem. */
export async function addSyntheticItem(datasetId: number, kind: SyntheticKind, parts: SyntheticParts & { topic?: string; functionName?: string }, externalId: string): Promise<number> {
  const content = composeContent(kind, parts);
  const id = await addSnippet(datasetId, content, { path: externalId });
  await db().syntheticItem.create({
    data: {
      snippetId: id,
      datasetId,
      kind,
      topic: parts.topic ?? null,
      functionName: parts.functionName ?? null,
      title: parts.title ?? null,
      prompt: parts.prompt ?? null,
      solution: parts.solution ?? null,
      tests: parts.tests ?? null,
    },
  });
  return id;
}

/** Creates a run and runs its job in this process (as the worker would). */
export async function checkNow(input: TCreateDecontamRun) {
  const { run } = await createDecontamRun(input, null, jobRegistry);
  const job = await db().job.findUniqueOrThrow({ where: { id: run.jobId! } });
  const payload = JSON.parse(job.payload);
  const result = await runDecontam(payload, plainContext());
  return { runId: run.id, result };
}
