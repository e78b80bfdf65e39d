import { describeJsonType } from "@/lib/corpus/parse-json-line";

export type ParsedBenchmarkItem = { taskId: string | null; prompt: string; solution: string; tests: string; entryPoint: string | null };

/** Columns understood, in order of preference (the first present one wins). */
export const BENCHMARK_FIELDS = {
  taskId: ["task_id", "id", "task", "problem_id", "question_id", "name"],
  prompt: ["prompt", "text", "question", "instruction", "problem", "description", "input", "query"],
  solution: ["canonical_solution", "solution", "code", "completion", "answer", "reference", "output", "response", "target"],
  tests: ["test", "tests", "test_list", "test_code"],
  testSetup: ["test_setup_code", "test_imports"],
  entryPoint: ["entry_point"],
} as const;

/**
 * One benchmark row → an item: HumanEval (`task_id, prompt, canonical_solution, test, entry_point`), MBPP
 * (`task_id, text, code, test_list, test_setup_code`; the sanitized variant's `prompt, code, test_imports,
 * test_list`) or any JSON object with prompt-ish and/or solution-ish columns (see BENCHMARK_FIELDS).
 * Strings, or arrays of strings joined by newlines (MBPP's test lists). A row needs a non-blank prompt or
 * solution; a task id may be a string or a number (absent: the caller numbers it by line).
 */
export function parseBenchmarkRecord(record: Record<string, unknown>): ParsedBenchmarkItem | { error: string } {
  const taskId = pick(record, BENCHMARK_FIELDS.taskId, "id");
  const prompt = pick(record, BENCHMARK_FIELDS.prompt, "text");
  const solution = pick(record, BENCHMARK_FIELDS.solution, "text");
  const tests = pick(record, BENCHMARK_FIELDS.tests, "text");
  const setup = pick(record, BENCHMARK_FIELDS.testSetup, "text");
  const entryPoint = pick(record, BENCHMARK_FIELDS.entryPoint, "id");
  for (const v of [taskId, prompt, solution, tests, setup, entryPoint]) if (v && "error" in v) return v;
  const p = (prompt as { value: string } | null)?.value ?? "";
  const s = (solution as { value: string } | null)?.value ?? "";
  if (!p.trim() && !s.trim()) {
    return { error: `no prompt or solution: expected a non-blank ${BENCHMARK_FIELDS.prompt.join(" | ")} and/or ${BENCHMARK_FIELDS.solution.join(" | ")}` };
  }
  const setupText = (setup as { value: string } | null)?.value ?? "";
  const testText = (tests as { value: string } | null)?.value ?? "";
  const id = (taskId as { value: string } | null)?.value.trim() || null;
  if (id && id.length > 200) return { error: `task id longer than 200 characters` };
  return {
    taskId: id,
    prompt: p,
    solution: s,
    tests: setupText.trim() && testText ? `${setupText.replace(/\n*$/, "")}\n${testText}` : testText || setupText,
    entryPoint: (entryPoint as { value: string } | null)?.value.trim() || null,
  };
}

function pick(record: Record<string, unknown>, names: readonly string[], kind: "id" | "text"): { value: string } | { error: string } | null {
  for (const name of names) {
    const v = record[name];
    if (v === undefined || v === null) continue;
    if (typeof v === "string") return { value: v };
    if (kind === "id" && typeof v === "number" && Number.isFinite(v)) return { value: String(v) };
    if (kind === "text" && Array.isArray(v) && v.every((x) => typeof x === "string")) return { value: v.join("\n") };
    return { error: `"${name}" must be ${kind === "id" ? "a string or a number" : "a string or an array of strings"} (got ${describeJsonType(v)})` };
  }
  return null;
}
