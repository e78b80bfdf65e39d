import { spawn } from "node:child_process";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { createExecRun } from "@/lib/synthetic/execute/create-exec-run";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { waitFor } from "../jobs/helpers";
import { killWorkers, spawnWorker, type WorkerProcess } from "../jobs/spawn-worker";
import { seedSyntheticDataset } from "./fixtures-review";

/** synthetic.execute in a real worker process: hostile exercises cannot take the worker down. */
const database = useTestDatabase();
const workers: WorkerProcess[] = [];
afterEach(() => killWorkers(workers.splice(0)));

const HOSTILE = [
  { id: "kill-parent", kind: "exercise" as const, prompt: "import os, signal\ndef attack():\n", solution: "    os.kill(os.getppid(), signal.SIGKILL)\n", tests: "attack()\n" },
  { id: "fork-bomb", kind: "exercise" as const, prompt: "import os\ndef bomb():\n", solution: "    while True:\n        os.fork()\n", tests: "bomb()\n" },
  { id: "memory", kind: "exercise" as const, prompt: "def hog():\n", solution: "    x = []\n    while True:\n        x.append(bytearray(50 * 1024 * 1024))\n", tests: "hog()\n" },
  { id: "exit-worker", kind: "exercise" as const, prompt: "import sys\ndef leave():\n", solution: "    sys.exit(0)\n", tests: "leave()\n" },
];

it("a hostile exercise is contained: the worker stays alive and runs the next job", { timeout: 180_000 }, async () => {
  const hostile = await seedSyntheticDataset("hostile-worker", HOSTILE);
  const next = await seedSyntheticDataset("next-job", [{ id: "ok", kind: "exercise", prompt: "def ok():\n", solution: "    return 42\n", tests: "assert ok() == 42\n" }]);
  const first = await createExecRun({ datasetId: hostile.datasetId }, null, jobRegistry);
  const worker = spawnWorker({ url: database.url(), extraJobs: "" });
  workers.push(worker);

  const done = await waitFor(async () => {
    const r = await db().execRun.findUniqueOrThrow({ where: { id: first.id } });
    return r.status === "succeeded" ? r : null;
  }, 120_000, "hostile run finished");
  expect(done).toMatchObject({ total: 4, done: 4 });
  const items = await db().syntheticItem.findMany({ where: { datasetId: hostile.datasetId }, orderBy: { snippetId: "asc" } });
  const byId = Object.fromEntries(items.map((i, n) => [HOSTILE[n].id, i]));
  expect(byId["kill-parent"].execOutput).toMatch(/sandbox denied: starting or signalling processes \(os\.kill\)/);
  expect(byId["fork-bomb"].execOutput).toMatch(/sandbox denied: starting or signalling processes \(os\.fork\)/);
  expect(byId["memory"].execStatus).toBe("killed");
  // sys.exit(0) ends the program, not the worker (and is a pass: the program exited cleanly).
  expect(byId["exit-worker"].execStatus).toBe("passed");
  expect(worker.child.exitCode).toBeNull();
  expect(worker.child.signalCode).toBeNull();

  // The same worker process picks up and finishes the next job.
  const second = await createExecRun({ datasetId: next.datasetId }, null, jobRegistry);
  const after = await waitFor(async () => {
    const r = await db().execRun.findUniqueOrThrow({ where: { id: second.id } });
    return r.status === "succeeded" ? r : null;
  }, 60_000, "next run finished");
  expect(after).toMatchObject({ done: 1, passed: 1 });
  // The job is marked succeeded a moment after its handler returns.
  await waitFor(async () => (await db().job.findUniqueOrThrow({ where: { id: second.job!.id } })).status === "succeeded", 30_000, "job succeeded");
  await waitFor(() => new RegExp(`job ${second.job!.id} synthetic\\.execute \\(attempt 1/\\d+\\) succeeded`).test(worker.output()), 10_000, "worker log line");
  expect(worker.child.exitCode).toBeNull();
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["bin/syllabus.mjs", "execute", ...args], {
    cwd: path.resolve(import.meta.dirname, "..", ".."),
    env: { ...process.env, DATABASE_URL: database.url() },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

it("`syllabus execute --wait --json` follows the run a worker executes; usage errors exit 2", { timeout: 180_000 }, async () => {
  await seedSyntheticDataset("cli-exec", [
    { id: "a", kind: "exercise", prompt: "def a():\n", solution: "    return 1\n", tests: "assert a() == 1\n" },
    { id: "b", kind: "exercise", prompt: "def b():\n", solution: "    return 1\n", tests: "assert b() == 2\n" },
  ]);
  for (const [args, message] of [
    [[], /--dataset is required/],
    [["--dataset", "nope"], /no dataset named "nope"/],
    [["--dataset", "cli-exec", "--scope", "some"], /--scope must be all, unrun or failed/],
  ] as [string[], RegExp][]) {
    const r = await cli(args);
    expect(r.code, args.join(" ")).toBe(2);
    expect(r.stderr).toMatch(message);
  }
  workers.push(spawnWorker({ url: database.url(), extraJobs: "" }));
  const r = await cli(["--dataset", "cli-exec", "--wait", "--json"]);
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ status: "succeeded", total: 2, done: 2, passed: 1, failed: 1, datasetName: "cli-exec" });
  const again = await cli(["--dataset", "cli-exec", "--scope", "failed", "--wait"]);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/Execution run \d+ succeeded: 1 of 1 items executed, 0 passed, 1 did not pass/);
});
