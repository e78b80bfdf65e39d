import crypto from "node:crypto";
import { insertSnippetBatch, type SnippetInput } from "@/lib/db/bulk";
import { db } from "@/lib/db/client";

const NOUNS = ["price", "total", "user", "order", "matrix", "graph", "queue", "token", "window", "record", "vector", "string"];
const VERBS = ["compute", "parse", "merge", "sort", "filter", "count", "normalize", "render", "validate", "collect"];

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Instructive code: a docstring, comments, descriptive names, sometimes a doctest. */
function goodSnippet(i: number, r: () => number): string {
  const verb = VERBS[Math.floor(r() * VERBS.length)];
  const noun = NOUNS[Math.floor(r() * NOUNS.length)];
  const steps = 2 + Math.floor(r() * 5);
  const body = Array.from({ length: steps }, (_, k) => `    # Step ${k + 1}: update the running ${noun} with item ${k}.\n    running_${noun} = running_${noun} + items[${k}] * ${k + 1}`).join("\n");
  const doctest = r() < 0.5 ? `\n\n    >>> ${verb}_${noun}_${i}([1, 2, 3])\n    6` : "";
  return `def ${verb}_${noun}_${i}(items):\n    """${verb[0].toUpperCase()}${verb.slice(1)} the ${noun} of a list of items.${doctest}\n    """\n    running_${noun} = 0\n${body}\n    return running_${noun}\n`;
}

/** Hard-to-learn-from code: short names, no comments, dense lines. */
function badSnippet(i: number, r: () => number): string {
  const n = 2 + Math.floor(r() * 6);
  const lines = Array.from({ length: n }, (_, k) => `x${k}=a[${k}]*${i % 97}+b.get(${k},0)-c(${k});y=x${k}if x${k}>0 else-x${k}`);
  return `def f${i}(a,b,c):\n ${lines.join("\n ")}\n return y\n`;
}

export type LearnableDataset = { id: number; snippetIds: number[]; high: Set<number> };

/**
 * A dataset where the LLM score follows the code's style (instructive: 4–5, terse: 0–2) with `noise` of
 * the labels flipped, so a classifier on code-structure features has something real to learn. Only the
 * first `labeled` snippets get an LLM label (default all).
 */
export async function seedLearnableDataset(name: string, count: number, opts: { labeled?: number; noise?: number; seed?: number } = {}): Promise<LearnableDataset> {
  const r = rng(opts.seed ?? 7);
  const labeled = opts.labeled ?? count;
  const noise = opts.noise ?? 0.1;
  const dataset = await db().dataset.create({ data: { name } });
  const rows: SnippetInput[] = [];
  for (let i = 0; i < count; i++) {
    const good = r() < 0.5;
    const content = good ? goodSnippet(i, r) : badSnippet(i, r);
    const flipped = r() < noise;
    const high = good !== flipped;
    const score = high ? 4 + Math.floor(r() * 2) : Math.floor(r() * 3);
    rows.push({
      contentHash: crypto.createHash("sha256").update(content).digest("hex"),
      content,
      language: "python",
      source: "test/learnable",
      path: `src/${name}/m${i}.py`,
      license: "MIT",
      externalId: null,
      sizeBytes: Buffer.byteLength(content),
      lineCount: content.split("\n").length - 1,
      meta: null,
      llm: i < labeled ? { score, rationale: "", model: "test-llm", promptVersion: "v1" } : null,
    });
  }
  for (let i = 0; i < rows.length; i += 5_000) await insertSnippetBatch(dataset.id, rows.slice(i, i + 5_000));
  const snippets = await db().snippet.findMany({ where: { datasetId: dataset.id }, select: { id: true, llmScore: true }, orderBy: { id: "asc" } });
  return { id: dataset.id, snippetIds: snippets.map((s) => s.id), high: new Set(snippets.filter((s) => (s.llmScore ?? 0) >= 3).map((s) => s.id)) };
}

/** Runs a score run's plan job and then each of its chunk jobs, in this process (what workers do). */
export async function runScoreRunInProcess(runId: number): Promise<void> {
  const { jobRegistry } = await import("@/workers/registry");
  const { planScoreRun } = await import("@/lib/classifier/plan-score-run");
  const { scoreChunk } = await import("@/lib/classifier/score-chunk");
  const { plainContext } = await import("@/lib/context");
  await planScoreRun({ runId, registry: jobRegistry }, plainContext());
  const chunks = await db().scoreChunk.findMany({ where: { runId }, orderBy: { id: "asc" } });
  for (const c of chunks) await scoreChunk({ chunkId: c.id }, plainContext());
}
