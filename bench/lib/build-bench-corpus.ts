import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export type BenchCorpus = { file: string; rows: number; bytes: number; source: "shared-corpus" | "generated"; built: boolean };

const SHARED = path.resolve(import.meta.dirname, "..", "..", "..", "shared", "data", "corpus", "python-sample.jsonl.gz");

/**
 * A JSONL file of `rows` distinct snippets: the shared Stack sample replicated, each copy made distinct by
 * an appended comment line (labels kept, so the LLM-label path is exercised too). Without the shared
 * corpus, varied Python-like rows are generated instead. Reused when it already exists.
 */
export async function buildBenchCorpus(dir: string, rows: number): Promise<BenchCorpus> {
  fs.mkdirSync(dir, { recursive: true });
  const haveShared = fs.existsSync(SHARED);
  const source = haveShared ? "shared-corpus" : "generated";
  const file = path.join(dir, `import-${source}-${rows}.jsonl`);
  const done = `${file}.done`;
  if (fs.existsSync(done) && fs.existsSync(file)) return { file, rows, bytes: fs.statSync(file).size, source, built: false };

  const base: Record<string, unknown>[] = haveShared
    ? zlib.gunzipSync(fs.readFileSync(SHARED)).toString("utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l))
    : generatedRows(2000);
  // Each base row serialised once around a marker, so a copy is two concatenations, not a JSON.stringify.
  const templates = base.map((row) => {
    const parts = JSON.stringify({ ...row, content: `${row.content as string}\n# bench variant \u0001\n` }).split("\\u0001");
    if (parts.length !== 2) throw new Error("a base row already contains U+0001; cannot template it");
    return parts;
  });
  const out = fs.createWriteStream(file);
  let buffer = "";
  for (let i = 0; i < rows; i++) {
    const [before, after] = templates[i % templates.length];
    buffer += before + i + after + "\n";
    if (buffer.length > 4 * 1024 * 1024) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once("drain", () => r()));
      buffer = "";
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  fs.writeFileSync(done, "");
  return { file, rows, bytes: fs.statSync(file).size, source, built: true };
}

function generatedRows(n: number): Record<string, unknown>[] {
  const topics = ["fibonacci", "binary_search", "merge_sort", "parse_config", "http_retry", "matrix_multiply", "word_count", "lru_cache"];
  return Array.from({ length: n }, (_, i) => {
    const topic = topics[i % topics.length];
    const body = Array.from({ length: 20 + (i % 80) }, (_, j) => `    value_${j} = helper_${(i + j) % 17}(items, ${j})  # step ${j} of ${topic}`).join("\n");
    const content = `"""${topic} example ${i}."""\n\n\ndef ${topic}_${i}(items):\n    """Compute ${topic} over items."""\n${body}\n    return value_0\n`;
    return {
      hexsha: `g${i.toString(16).padStart(39, "0")}`,
      size: content.length,
      ext: "py",
      lang: "Python",
      max_stars_repo_path: `examples/${topic}_${i}.py`,
      max_stars_repo_name: `generated/${topic}`,
      max_stars_repo_head_hexsha: "0".repeat(40),
      max_stars_repo_licenses: ["MIT"],
      content,
      avg_line_length: 40.2,
      max_line_length: 88,
      alphanum_fraction: 0.7,
      ...(i % 8 === 0 ? { llm_score: i % 6, llm_rationale: "generated", llm_model: "bench", prompt_version: "v1" } : {}),
    };
  });
}
