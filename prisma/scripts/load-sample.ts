import path from "node:path";
import { db } from "../../lib/db/client";
import { importFile } from "../../lib/corpus/import-file";
import { plainContext } from "../../lib/context";

export const SAMPLE_FILE = path.resolve(import.meta.dirname, "..", "seed", "sample-snippets.jsonl");
export const SAMPLE_DATASET = "sample";
export const SAMPLE_SYNTHETIC_FILE = path.resolve(import.meta.dirname, "..", "seed", "sample-synthetic.jsonl");
export const SAMPLE_SYNTHETIC_DATASET = "sample-synthetic";
export const SAMPLE_SYNTHETIC_CAMPAIGN = "sample (written by the Syllabus authors)";

/**
 * Imports the shipped samples when the database has no dataset yet: the code snippets into dataset "sample",
 * and 8 textbook sections + 12 exercises into the synthetic dataset "sample-synthetic" (an import campaign),
 * so review, execution, diversity and decontamination have something to show. Returns the code sample's
 * report with the synthetic one beside it.
 */
export async function loadSampleData(options: { force?: boolean } = {}) {
  if (!options.force && (await db().dataset.count()) > 0) return null;
  const report = await importFile({ dataset: SAMPLE_DATASET, filePath: SAMPLE_FILE }, plainContext());
  await db().dataset.update({
    where: { name: SAMPLE_DATASET },
    data: { description: "Sample snippets written by the Syllabus authors, with illustrative (example) LLM scores." },
  });
  const synthetic = await importFile({ dataset: SAMPLE_SYNTHETIC_DATASET, filePath: SAMPLE_SYNTHETIC_FILE, kind: "textbook", campaign: SAMPLE_SYNTHETIC_CAMPAIGN }, plainContext());
  await db().dataset.update({
    where: { name: SAMPLE_SYNTHETIC_DATASET },
    data: { description: "Sample textbook sections and exercises written by the Syllabus authors (one exercise has a wrong solution; two sections are near-duplicates)." },
  });
  return { ...report, synthetic };
}
