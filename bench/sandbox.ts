/**
 * Cost of the python3 sandbox per program: the shared synthetic exercises (../shared/data/synthetic, else
 * generated ones) run as the execution job runs them — plain `python3 program.py` in a temp dir, then the
 * sandbox one at a time and two at a time (the job's concurrency). Prints programs/s, mean and p95 wall time
 * per program, and the overhead the sandbox adds (bootstrap, limits, audit hook, network namespace).
 *
 *   npx tsx bench/sandbox.ts            # BENCH_ROUNDS=2 passes over the programs by default
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { detectSandbox } from "../lib/sandbox/detect-sandbox";
import { runPython } from "../lib/sandbox/run-python";
import { buildItemProgram } from "../lib/synthetic/execute/build-item-program";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const SHARED = path.resolve(process.cwd(), "../shared/data/synthetic/exercises.jsonl");

function programs(): { codes: string[]; source: string } {
  if (fs.existsSync(SHARED)) {
    const rows = fs.readFileSync(SHARED, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
    const codes = rows.flatMap((r) => {
      const p = buildItemProgram({ kind: "exercise", content: "", prompt: r.prompt, solution: r.solution, tests: r.tests });
      return p.kind === "program" ? [p.code] : [];
    });
    return { codes, source: `shared exercises (${codes.length})` };
  }
  const codes = Array.from({ length: 40 }, (_, i) => `def f${i}(n):\n    return sum(range(n))\n\nassert f${i}(${i + 10}) == ${((i + 10) * (i + 9)) / 2}\n`);
  return { codes, source: "generated exercises (the shared set is absent)" };
}

async function plain(python: string, code: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-bench-plain-"));
  fs.writeFileSync(path.join(dir, "program.py"), code);
  await new Promise((resolve) => spawn(python, ["program.py"], { cwd: dir, stdio: "ignore" }).on("close", resolve));
  fs.rmSync(dir, { recursive: true, force: true });
}

async function measure(label: string, codes: string[], concurrency: number, run: (code: string) => Promise<unknown>) {
  const times: number[] = [];
  const queue = Array.from({ length: ROUNDS }, () => codes).flat();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let code = queue.shift(); code !== undefined; code = queue.shift()) {
        const t = performance.now();
        await run(code);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  console.log(`${label.padEnd(34)} ${(times.length / seconds).toFixed(1).padStart(6)} programs/s   mean ${mean.toFixed(0).padStart(4)} ms   p95 ${times[Math.floor(times.length * 0.95)].toFixed(0).padStart(4)} ms`);
  return mean;
}

const env = await detectSandbox();
const { codes, source } = programs();
console.log(`python ${env.pythonVersion} (${env.python}); network cut by ${env.network}; ${source}, ${ROUNDS} round(s)`);
await runPython({ code: "pass" }); // warm-up
const base = await measure("plain python3, 1 at a time", codes, 1, (c) => plain(env.python, c));
const one = await measure("sandbox, 1 at a time", codes, 1, (c) => runPython({ code: c }));
await measure("sandbox, 2 at a time (the job)", codes, 2, (c) => runPython({ code: c }));
console.log(`sandbox overhead: ${(one - base).toFixed(0)} ms per program (${((one / base - 1) * 100).toFixed(0)} %)`);
