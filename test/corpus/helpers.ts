import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { plainContext, type TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const fixture = (name: string) => path.join(projectRoot, "test", "fixtures", "corpus", name);

/** A temp folder for generated inputs, removed after the test file. */
export function useTempDir(): (name: string) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-corpus-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name) => path.join(dir, name);
}

export function jsonl(rows: unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join("\n") + "\n";
}

/** Distinct Python-like rows; every `labelEvery`-th one carries an LLM label. */
export function pythonRows(n: number, options: { labelEvery?: number; prefix?: string } = {}) {
  return Array.from({ length: n }, (_, i) => ({
    hexsha: `${options.prefix ?? "h"}${i}`,
    lang: "Python",
    max_stars_repo_name: "org/repo",
    max_stars_repo_path: `pkg/mod_${i}.py`,
    max_stars_repo_licenses: ["MIT"],
    content: `def f_${options.prefix ?? ""}${i}(x):\n    """Return x plus ${i}."""\n    return x + ${i}\n`,
    size: 50,
    ...(options.labelEvery && i % options.labelEvery === 0 ? { llm_score: i % 6, llm_rationale: `r${i}`, llm_model: "m", prompt_version: "v1" } : {}),
  }));
}

export const ctx = (): TaskContext => plainContext();

/** A context whose signal aborts at the first progress report, i.e. right after the first batch commits. */
export function abortAfterFirstBatch(): TaskContext {
  const controller = new AbortController();
  return plainContext(() => controller.abort(), controller.signal);
}

export async function datasetSnippets(dataset: string) {
  return db().snippet.findMany({ where: { dataset: { name: dataset } }, orderBy: { id: "asc" } });
}
