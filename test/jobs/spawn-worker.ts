import { spawn } from "node:child_process";
import path from "node:path";

export type WorkerProcess = {
  child: ReturnType<typeof spawn>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
};

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * A real worker process (`node --import tsx workers/main.ts`, what `npm run worker` runs) against `url`,
 * with test-only jobs from `extraJobs` (SYLLABUS_EXTRA_JOBS). Output is captured for assertions.
 */
export function spawnWorker(options: { url: string; extraJobs: string; env?: Record<string, string>; args?: string[] }): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "workers/main.ts", ...(options.args ?? [])], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: options.url,
      SYLLABUS_EXTRA_JOBS: options.extraJobs,
      JOB_POLL_MS: "50",
      JOB_LEASE_MS: "2000",
      JOB_HOUSEKEEPING_MS: "0",
      JOB_SHUTDOWN_GRACE_MS: "5000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => output };
}

/** Kills what is still running (SIGKILL) and waits for every process to exit. */
export async function killWorkers(workers: WorkerProcess[]): Promise<void> {
  for (const w of workers) {
    if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    await w.exited;
  }
}
