import path from "node:path";
import { db } from "../../lib/db/client";
import { importFile } from "../../lib/corpus/import-file";
import { plainContext } from "../../lib/context";

export const SAMPLE_FILE = path.resolve(import.meta.dirname, "..", "seed", "sample-snippets.jsonl");
export const SAMPLE_DATASET = "sample";

/** Imports the shipped sample into dataset "sample" when the database has no dataset yet. */
export async function loadSampleData(options: { force?: boolean } = {}) {
  if (!options.force && (await db().dataset.count()) > 0) return null;
  const report = await importFile({ dataset: SAMPLE_DATASET, filePath: SAMPLE_FILE }, plainContext());
  await db().dataset.update({
    where: { name: SAMPLE_DATASET },
    data: { description: "Sample snippets written by the Syllabus authors, with illustrative (example) LLM scores." },
  });
  return report;
}
