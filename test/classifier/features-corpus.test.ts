import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { extractFeatureMatrix, FEATURE_DIMS, featureNames, type FeatureInput } from "@/lib/classifier/features/extract-features";
import { rocAuc } from "@/lib/metrics/roc-auc";

// Real Python files with LLM labels (absent on a fresh clone: the test then skips).
const corpus = path.resolve(process.cwd(), "../shared/data/corpus/python-sample.jsonl.gz");
const present = fs.existsSync(corpus);
if (!present) console.log(`skipping the feature corpus test: ${corpus} is absent`);

type Row = FeatureInput & { llmScore: number | null };

function readCorpus(): Row[] {
  return zlib
    .gunzipSync(fs.readFileSync(corpus))
    .toString("utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as { content: string; lang: string; max_stars_repo_path: string; llm_score?: number | null })
    .map((r) => ({ content: r.content, language: r.lang, path: r.max_stars_repo_path, llmScore: r.llm_score ?? null }));
}

describe.skipIf(!present)("features on the shared corpus", () => {
  it("are finite and reproducible for every file, and the documentation signals separate the LLM's high and low scores", () => {
    const rows = readCorpus();
    const m = extractFeatureMatrix(rows);
    expect(m).toHaveLength(rows.length * FEATURE_DIMS);
    expect(m.every((x) => Number.isFinite(x))).toBe(true);
    expect(extractFeatureMatrix(rows)).toEqual(m);

    const labeled = rows.map((r, k) => [r, k] as const).filter(([r]) => r.llmScore !== null);
    const y = labeled.map(([r]) => (r.llmScore! >= 3 ? 1 : 0));
    const names = featureNames();
    const column = (name: string) => labeled.map(([, k]) => m[k * FEATURE_DIMS + names.indexOf(name)]);
    // One feature alone, no model: the rubric rewards explained, self-contained code.
    for (const name of ["docstring_line_ratio", "documented_function_ratio", "doctest_log", "main_guard"]) expect(rocAuc(y, column(name))).toBeGreaterThan(0.75);
  });
});
