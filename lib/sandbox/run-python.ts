import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { detectSandbox } from "./detect-sandbox";
import { OutputBuffer } from "./output-buffer";
import { PYTHON_BOOTSTRAP } from "./python-bootstrap";
import type { RunPythonInput, SandboxResult, SandboxStatus } from "./types";

export const SANDBOX_DEFAULTS = {
  timeoutMs: 10_000,
  memoryBytes: 512 * 1024 * 1024,
  fileBytes: 16 * 1024 * 1024,
  processes: 16,
  maxOutputBytes: 64 * 1024,
} as const;

/** Largest program accepted (the bootstrap reads it into memory before the limits bite). */
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/**
 * Runs untrusted Python source with `python3` in a subprocess and reports what happened. Never throws for
 * bad user code, and nothing it does can reach the calling process:
 *  - a fresh temp dir as cwd, HOME and TMPDIR, deleted afterwards; an empty environment but a minimal PATH;
 *  - `-I -S -B`: no user site, no PYTHON* variables, no site-packages, no .pyc writes;
 *  - resource limits set by a bootstrap before the user code runs (CPU seconds, address space, file size,
 *    processes) and a wall-clock timeout that SIGKILLs the whole process group (the child leads its own);
 *  - no network: a new network namespace (`unshare -rn`) when this machine allows it, and always an audit
 *    hook denying sockets, processes, ctypes and file access outside the sandbox (see python-bootstrap.ts);
 *  - stdout and stderr interleaved in one pipe, cut to a head and a tail (64 KiB by default).
 */
export async function runPython(input: RunPythonInput): Promise<SandboxResult> {
  const started = performance.now();
  const units = input.cells ?? (input.code !== undefined ? [input.code] : []);
  const size = units.reduce((n, u) => n + Buffer.byteLength(u), 0);
  if (!units.length) return failure("nothing to run: no code given", started);
  if (size > MAX_SOURCE_BYTES) return failure(`the program is too large to run (${size} bytes; at most ${MAX_SOURCE_BYTES})`, started);
  if (input.signal?.aborted) return { ...failure("aborted before it started", started), status: "killed", reason: "aborted" };

  let env;
  try {
    env = await detectSandbox();
  } catch (e) {
    return failure(`the sandbox cannot start: ${(e as Error).message}`, started);
  }
  const timeoutMs = Math.max(100, input.timeoutMs ?? SANDBOX_DEFAULTS.timeoutMs);
  const config = {
    cpuSeconds: Math.max(1, input.cpuSeconds ?? Math.ceil(timeoutMs / 1000)),
    memoryBytes: input.memoryBytes ?? SANDBOX_DEFAULTS.memoryBytes,
    fileBytes: input.fileBytes ?? SANDBOX_DEFAULTS.fileBytes,
    // Only meaningful inside the sandbox's own user namespace (see python-bootstrap.ts).
    processes: env.netPrefix.includes("-r") ? (input.processes ?? SANDBOX_DEFAULTS.processes) : null,
    cells: input.cells !== undefined,
    files: input.cells ? units.map((_, i) => `block-${i + 1}.py`) : ["program.py"],
  };

  let dir: string;
  try {
    dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), "syllabus-sandbox-")));
    await Promise.all(config.files.map((name, i) => fs.writeFile(path.join(dir, name), units[i])));
  } catch (e) {
    return failure(`the sandbox cannot start: cannot prepare a temp dir (${(e as Error).message})`, started);
  }
  try {
    return await spawnSandboxed(env.netPrefix, env.python, dir, config, timeoutMs, input, started);
  } finally {
    await removeDir(dir);
  }
}

type Report = { result?: string; exception?: string; denied?: string; block?: number };

function spawnSandboxed(prefix: string[], python: string, dir: string, config: object, timeoutMs: number, input: RunPythonInput, started: number): Promise<SandboxResult> {
  const maxOutput = input.maxOutputBytes ?? SANDBOX_DEFAULTS.maxOutputBytes;
  const argv = [...prefix, python, "-I", "-S", "-B", "-u", "-X", "utf8", "-c", PYTHON_BOOTSTRAP, JSON.stringify(config)];
  return new Promise((resolve) => {
    const output = new OutputBuffer(maxOutput);
    const report: Report = {};
    let reportText = "";
    let why: "timeout" | "aborted" | null = null;
    let settled = false;
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(argv[0], argv.slice(1), {
        cwd: dir,
        // Nothing of ours (keys, DATABASE_URL…) reaches the program.
        env: { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: dir, TMPDIR: dir } as unknown as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe", "pipe"],
        detached: true, // its own process group, killed as a whole
      });
    } catch (e) {
      resolve(failure(`the sandbox cannot start: ${(e as Error).message}`, started));
      return;
    }
    const pid = child.pid;
    const killGroup = () => {
      if (pid === undefined) return;
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      why = "timeout";
      killGroup();
    }, timeoutMs);
    const onAbort = () => {
      why ??= "aborted";
      killGroup();
    };
    input.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout!.on("data", (d: Buffer) => output.push(d));
    child.stderr!.on("data", (d: Buffer) => output.push(d));
    const channel = child.stdio[3] as NodeJS.ReadableStream | null;
    channel?.on("data", (d: Buffer) => {
      if (reportText.length < 64 * 1024) reportText += d.toString("utf8");
    });
    channel?.on("error", () => {});
    child.on("error", (e) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener("abort", onAbort);
      resolve(failure(`the sandbox cannot start: ${e.message}`, started));
    });
    // "close" waits for the pipes; a grandchild holding them open is killed with the group on exit.
    child.on("exit", () => killGroup());
    child.on("close", (code, signal) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener("abort", onAbort);
      for (const line of reportText.split("\n")) {
        const tab = line.indexOf("\t");
        if (tab === -1) continue;
        const [kind, value] = [line.slice(0, tab), line.slice(tab + 1)];
        if (kind === "result" || kind === "exception") report[kind] = value;
        else if (kind === "denied") report.denied ??= value;
        else if (kind === "block" && Number(value) > 0) report.block = Number(value);
      }
      resolve(classify({ code, signal, why, report, output: output.toString(), durationMs: Math.round(performance.now() - started), timeoutMs }));
    });
  });
}

/** Turns how the process ended and what the bootstrap reported into a result. */
export function classify(o: { code: number | null; signal: NodeJS.Signals | null; why: "timeout" | "aborted" | null; report: Report; output: string; durationMs: number; timeoutMs: number }): SandboxResult {
  const { code, signal, why, report } = o;
  let status: SandboxStatus;
  let reason: string | undefined;
  if (why === "timeout") [status, reason] = ["timeout", `wall-clock limit of ${formatSeconds(o.timeoutMs)} reached; the process group was killed`];
  else if (why === "aborted") [status, reason] = ["killed", "aborted"];
  else if (signal === "SIGXCPU") [status, reason] = ["timeout", "CPU-time limit reached"];
  else if (signal === "SIGXFSZ") [status, reason] = ["killed", "file-size limit reached"];
  else if (signal) [status, reason] = ["killed", signal === "SIGKILL" ? "killed (SIGKILL), most likely out of memory" : `ended by ${signal}`];
  else if (report.result === "memory") [status, reason] = ["killed", "memory limit reached (MemoryError)"];
  else if (report.result === "passed" && code === 0) status = "passed";
  else if (report.result === "failed") status = "failed";
  else if (report.result === "error") status = "error";
  else if (code === 0) status = "passed";
  else [status, reason] = ["error", report.result ? undefined : `exited with code ${code} before reporting a result`];
  return {
    status,
    exitCode: code,
    signal: signal ?? null,
    output: o.output,
    durationMs: o.durationMs,
    ...(report.denied ? { denied: report.denied } : {}),
    ...(reason ? { reason } : {}),
    ...(report.exception ? { exception: report.exception } : {}),
    ...(report.block ? { failedBlock: report.block } : {}),
  };
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms % 1000 ? 1 : 0)} s`;
}

function failure(message: string, started: number): SandboxResult {
  return { status: "error", exitCode: null, signal: null, output: message, durationMs: Math.round(performance.now() - started), reason: message };
}

/** Deletes the temp dir even when the program made parts of it unreadable. */
async function removeDir(dir: string): Promise<void> {
  try {
    await fs.rm(dir, { recursive: true, force: true });
  } catch {
    try {
      for (const entry of await fs.readdir(dir, { recursive: true })) await fs.chmod(path.join(dir, String(entry)), 0o700).catch(() => {});
      await fs.chmod(dir, 0o700);
      await fs.rm(dir, { recursive: true, force: true });
    } catch {
      // Best effort: it is an empty-ish dir under the system temp dir.
    }
  }
}
