import fs from "node:fs";
import path from "node:path";
import { hashContent } from "@/lib/corpus/hash-content";
import { db } from "@/lib/db/client";
import { composeContent, type SyntheticKind, type SyntheticParts } from "@/lib/synthetic/compose-content";

/** The shared synthetic sample (absent on a fresh clone: tests that need it skip). */
export const SHARED_SYNTHETIC = path.resolve(process.cwd(), "../shared/data/synthetic");
export const sharedSyntheticPresent = fs.existsSync(path.join(SHARED_SYNTHETIC, "textbooks.jsonl")) && fs.existsSync(path.join(SHARED_SYNTHETIC, "exercises.jsonl"));

export type FixtureItem = { kind: SyntheticKind; topic: string | null; audience?: string | null; functionName?: string | null; parts: SyntheticParts; externalId?: string };

/** The shared set's items (README: textbooks {topic, audience, title, text}; exercises {topic, function_name, prompt, solution, tests}). */
export function readSharedSynthetic(): FixtureItem[] {
  const read = (file: string) =>
    fs
      .readFileSync(path.join(SHARED_SYNTHETIC, file), "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, string>);
  return [
    ...read("textbooks.jsonl").map((r): FixtureItem => ({ kind: "textbook", topic: r.topic, audience: r.audience, parts: { title: r.title, text: r.text }, externalId: r.id })),
    ...read("exercises.jsonl").map((r): FixtureItem => ({ kind: "exercise", topic: r.topic, functionName: r.function_name, parts: { prompt: r.prompt, solution: r.solution, tests: r.tests }, externalId: r.id })),
  ];
}

/**
 * Inserts items as the synthetic import does: one snippet per item (content from composeContent) and its
 * SyntheticItem with the constraints, optionally inside a generation campaign whose declared lists are
 * given. Returns the dataset, the campaign and the snippet ids in item order.
 */
export async function seedSynthetic(
  name: string,
  items: FixtureItem[],
  campaign?: { name: string; topics: string[]; audiences: string[]; functionNames?: string[]; kind?: string },
): Promise<{ datasetId: number; campaignId: number | null; snippetIds: number[] }> {
  const dataset = await db().dataset.create({ data: { name, kind: items.every((i) => i.kind === "exercise") ? "exercise" : "textbook" } });
  const c = campaign
    ? await db().generationCampaign.create({
        data: {
          name: campaign.name,
          datasetId: dataset.id,
          source: "import",
          kind: campaign.kind ?? "mixed",
          status: "succeeded",
          topics: JSON.stringify(campaign.topics),
          audiences: JSON.stringify(campaign.audiences),
          functionNames: JSON.stringify(campaign.functionNames ?? []),
        },
      })
    : null;
  const snippetIds: number[] = [];
  for (const item of items) {
    const content = composeContent(item.kind, item.parts);
    const snippet = await db().snippet.create({
      data: {
        datasetId: dataset.id,
        content,
        contentHash: hashContent(content),
        language: item.kind === "textbook" ? "markdown" : "python",
        externalId: item.externalId ?? null,
        sizeBytes: Buffer.byteLength(content),
        lineCount: content.split("\n").length,
      },
    });
    await db().syntheticItem.create({
      data: {
        snippetId: snippet.id,
        datasetId: dataset.id,
        campaignId: c?.id ?? null,
        kind: item.kind,
        topic: item.topic,
        audience: item.audience ?? null,
        functionName: item.functionName ?? null,
        title: item.parts.title ?? null,
        prompt: item.parts.prompt ?? null,
        solution: item.parts.solution ?? null,
        tests: item.parts.tests ?? null,
      },
    });
    snippetIds.push(snippet.id);
  }
  await db().dataset.update({ where: { id: dataset.id }, data: { snippetCount: items.length } });
  return { datasetId: dataset.id, campaignId: c?.id ?? null, snippetIds };
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const VOCAB = (
  "list loop index value string number function return variable condition branch python program data file read write " +
  "count total average print input output error check test value result item key map set sort order first last next step"
).split(" ");

/** Varied prose of `words` words (seeded), with a python block, as a small stand-in for a textbook section. */
export function proseSection(r: () => number, words: number): string {
  const text = Array.from({ length: words }, () => VOCAB[Math.floor(r() * VOCAB.length)] + (r() < 0.3 ? String(Math.floor(r() * 100)) : "")).join(" ");
  return `${text}\n\n\`\`\`python\ndef step_${Math.floor(r() * 1e6)}(x):\n    return x + ${Math.floor(r() * 10)}\n\`\`\`\n`;
}

/**
 * A small synthetic set without the shared data: 4 topics × 2 audiences declared, 10 textbook sections over
 * 7 of the 8 cells, one of them a lightly edited copy of another (the planted near-duplicate), and 4
 * exercises. Indices: 0 is the original, 9 its copy.
 */
export function smallSyntheticItems(): FixtureItem[] {
  const r = rng(42);
  const topics = ["loops", "strings", "files", "recursion"];
  const audiences = ["kids", "engineers"];
  const cells: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1], [2, 0], [2, 1], [3, 0], [0, 0], [1, 0]];
  const items: FixtureItem[] = cells.map(([t, a], k) => ({ kind: "textbook", topic: topics[t], audience: audiences[a], parts: { title: `Section ${k}`, text: proseSection(r, 220) } }));
  const words = items[0].parts.text!.split(" ");
  for (const k of [30, 120]) words[k] = "changed";
  items.push({ kind: "textbook", topic: "loops", audience: "kids", parts: { title: "Section 0 again", text: words.join(" ") } });
  for (const [k, name] of ["count_vowels", "reverse_words", "count_vowels", "fib"].entries()) {
    items.push({
      kind: "exercise",
      topic: topics[k % 2 === 0 ? 1 : 3],
      functionName: name,
      parts: { prompt: `def ${name}(s):\n    """Exercise ${k}: ${proseSection(r, 12).split("\n")[0]}"""\n`, solution: `    return s[::-1]  # ${k}\n`, tests: `assert ${name}("ab") is not None\n` },
    });
  }
  return items;
}

export const SMALL_DECLARED = { topics: ["loops", "strings", "files", "recursion"], audiences: ["kids", "engineers"], functionNames: ["count_vowels", "reverse_words", "fib", "is_prime"] };
