import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { useTestDatabase } from "../helpers/db";
import { addSnippet, createDataset, tempFile } from "./fixtures";

/** `syllabus benchmark` and `syllabus decontam` as a user runs them: real CLI processes and a real worker. */
const database = useTestDatabase();
const root = path.resolve(import.meta.dirname, "..", "..");
const workers: ReturnType<typeof spawn>[] = [];
const env = () => ({ ...process.env, DATABASE_URL: database.url(), JOB_POLL_MS: "50", JOB_HOUSEKEEPING_MS: "0" });
const PROMPT = "def count_vowels(text):\n    \"\"\"Count how many vowels appear in the given text, treating upper and lower case letters alike.\"\"\"\n";

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["bin/syllabus.mjs", ...args], { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

beforeAll(async () => {
  const id = await createDataset("cli-decontam");
  await addSnippet(id, `${PROMPT}    return sum(c in "aeiou" for c in text.lower())\n`, { path: "vowels.py" });
  await addSnippet(id, "print('hello')\n");
});
afterEach(async () => {
  for (const w of workers.splice(0)) {
    if (w.exitCode === null && w.signalCode === null) {
      w.kill("SIGKILL");
      await new Promise((r) => w.on("exit", r));
    }
  }
});

it("imports and lists benchmarks, reporting malformed lines", { timeout: 60_000 }, async () => {
  const file = tempFile("Vowels.jsonl", [JSON.stringify({ task_id: "V/1", prompt: PROMPT, canonical_solution: "    return 0\n" }), "{broken"].join("\n"));
  const imported = await cli(["benchmark", "import", file]);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/Benchmark "Vowels" \(Vowels\.jsonl, jsonl\): 1 items/);
  expect(imported.stdout).toMatch(/line 2: invalid JSON/);
  const json = await cli(["benchmark", "import", file, "--json"]);
  expect(JSON.parse(json.stdout)).toMatchObject({ unchanged: 1, inserted: 0, errorCount: 1 });
  const list = await cli(["benchmark", "list"]);
  expect(list.stdout).toMatch(/Vowels\s+1\s+0\s+Vowels\.jsonl/);
  const missing = await cli(["benchmark", "import", "/nope.jsonl"]);
  expect([missing.code, missing.stderr]).toEqual([1, expect.stringMatching(/no such file/)]);
  expect((await cli(["benchmark", "frobnicate"])).code).toBe(2);
});

it("rejects usage errors, and with --wait --json follows a worker to the flagged snippets", { timeout: 90_000 }, async () => {
  const cases: [string[], RegExp][] = [
    [[], /--dataset <name> is required/],
    [["--dataset", "nope"], /no dataset named "nope"/],
    [["--dataset", "cli-decontam", "--ngram", "x"], /--ngram must be an integer/],
    [["--dataset", "cli-decontam", "--ngram", "2"], /ngram must be 3–50/],
    [["--dataset", "cli-decontam", "--benchmark", "MBPP"], /no benchmark named "MBPP"/],
  ];
  for (const [args, message] of cases) {
    const r = await cli(["decontam", ...args]);
    expect(r.code, args.join(" ")).toBe(2);
    expect(r.stderr).toMatch(message);
  }
  expect(await db().decontamRun.count()).toBe(0);

  workers.push(spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], { cwd: root, env: env(), stdio: "ignore" }));
  const r = await cli(["decontam", "--dataset", "cli-decontam", "--benchmark", "Vowels", "--wait", "--json"]);
  expect(r.code, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout);
  expect(out.run).toMatchObject({ status: "succeeded", total: 2, flagged: 1, benchmarksMatched: [{ name: "Vowels", snippets: 1, topItems: [{ taskId: "V/1", snippets: 1 }] }] });
  expect(out.flagged).toEqual([expect.objectContaining({ path: "vowels.py", matches: [expect.objectContaining({ taskId: "V/1", method: "ngram" })] })]);
  const text = await cli(["decontam", "--dataset", "cli-decontam", "--wait"]);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/succeeded: 1 of 2 snippets flagged/);
  expect(text.stdout).toMatch(/Vowels: 1 snippets match 1 items/);
  expect(text.stdout).toMatch(/#\d+ cli-decontam vowels\.py: Vowels V\/1 ngram/);
});
