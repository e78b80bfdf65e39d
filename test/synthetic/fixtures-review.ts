import fs from "node:fs";
import path from "node:path";
import { hashContent } from "@/lib/corpus/hash-content";
import { countLines } from "@/lib/corpus/map-record";
import { db } from "@/lib/db/client";
import { composeContent, type SyntheticKind, type SyntheticParts } from "@/lib/synthetic/compose-content";

/** The shared synthetic sample (../shared/data/synthetic), when this machine has it. */
export const SHARED_SYNTHETIC = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "data", "synthetic");

export type SyntheticRow = { id: string; kind: SyntheticKind; topic?: string; audience?: string; function_name?: string; title?: string; text?: string; prompt?: string; solution?: string; tests?: string };

/** Rows of one shared JSONL file, or null when the shared data is absent (callers skip). */
export function readSharedSynthetic(kind: SyntheticKind): SyntheticRow[] | null {
  const file = path.join(SHARED_SYNTHETIC, kind === "textbook" ? "textbooks.jsonl" : "exercises.jsonl");
  if (!fs.existsSync(file)) return null;
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SyntheticRow);
}

/** A few inline items for tests that must run without the shared data. */
export const INLINE_ITEMS: SyntheticRow[] = [
  { id: "in-ex-1", kind: "exercise", topic: "recursion", function_name: "factorial", prompt: 'def factorial(n: int) -> int:\n    """Return n! for n >= 0.\n\n    >>> factorial(5)\n    120\n    """\n', solution: "    return 1 if n <= 1 else n * factorial(n - 1)\n", tests: "assert factorial(0) == 1\nassert factorial(6) == 720\n" },
  { id: "in-ex-2", kind: "exercise", topic: "string processing", function_name: "shout", prompt: 'def shout(s: str) -> str:\n    """Upper-case s and add an exclamation mark."""\n', solution: "    return s.upper() + '!'\n", tests: "assert shout('hi') == 'HI!'\n" },
  { id: "in-ex-3", kind: "exercise", topic: "control flow", function_name: "sign", prompt: 'def sign(x: float) -> int:\n    """Return -1, 0 or 1."""\n', solution: "    return 1 if x > 0 else -1\n", tests: "assert sign(3) == 1\nassert sign(0) == 0\n" },
  { id: "in-tb-1", kind: "textbook", topic: "lists", audience: "beginner", title: "Lists", text: "A list holds values in order.\n\n```python\nnums = [3, 1, 2]\nnums.sort()\nprint(nums)\n```\n\nThe output:\n\n```\n[1, 2, 3]\n```\n\n```python\nassert nums[0] == 1\n```\n" },
  { id: "in-tb-2", kind: "textbook", topic: "dicts", audience: "beginner", title: "Dictionaries", text: "Look values up by key.\n\n```python\nages = {'ann': 31}\nprint(ages['bob'])\n```\n" },
];

export function partsOf(row: SyntheticRow): SyntheticParts {
  return row.kind === "textbook" ? { title: row.title ?? null, text: row.text ?? "" } : { prompt: row.prompt ?? "", solution: row.solution ?? "", tests: row.tests ?? null };
}

/**
 * Inserts a synthetic item the way generation and import do: a Snippet with the composed content, its
 * SyntheticItem (constraints, parts) and SyntheticEdit version 1.
 */
export async function insertSyntheticItem(datasetId: number, row: SyntheticRow, options: { campaignId?: number | null } = {}): Promise<number> {
  const parts = partsOf(row);
  const content = composeContent(row.kind, parts);
  const snippet = await db().snippet.create({
    data: {
      datasetId,
      content,
      contentHash: hashContent(content),
      language: row.kind === "exercise" ? "python" : "markdown",
      externalId: row.id,
      sizeBytes: Buffer.byteLength(content, "utf8"),
      lineCount: countLines(content),
    },
  });
  await db().syntheticItem.create({
    data: {
      snippetId: snippet.id,
      datasetId,
      campaignId: options.campaignId ?? null,
      kind: row.kind,
      topic: row.topic ?? null,
      audience: row.audience ?? null,
      functionName: row.function_name ?? null,
      title: row.title ?? null,
      prompt: row.kind === "exercise" ? (row.prompt ?? null) : null,
      solution: row.kind === "exercise" ? (row.solution ?? null) : null,
      tests: row.kind === "exercise" ? (row.tests ?? null) : null,
    },
  });
  const edit: Record<string, string> = {};
  for (const [k, v] of Object.entries(parts)) if (v != null) edit[k] = v;
  await db().syntheticEdit.create({ data: { snippetId: snippet.id, version: 1, content: JSON.stringify(edit) } });
  return snippet.id;
}

/** A synthetic dataset with the given rows (and an import campaign holding them); returns ids in row order. */
export async function seedSyntheticDataset(name: string, rows: SyntheticRow[], kind: SyntheticKind = "exercise"): Promise<{ datasetId: number; campaignId: number; ids: number[] }> {
  const dataset = await db().dataset.create({ data: { name, kind } });
  const campaign = await db().generationCampaign.create({ data: { name: `${name} import`, datasetId: dataset.id, source: "import", kind: "mixed", status: "succeeded" } });
  const ids: number[] = [];
  for (const row of rows) ids.push(await insertSyntheticItem(dataset.id, row, { campaignId: campaign.id }));
  await db().dataset.update({ where: { id: dataset.id }, data: { snippetCount: ids.length } });
  return { datasetId: dataset.id, campaignId: campaign.id, ids };
}
