/**
 * passed: exit 0 · failed: an AssertionError (a test failed) or a non-zero SystemExit (a test runner's
 * verdict) · error: any other exception, a denied operation that stopped the program, or a sandbox that
 * could not start · timeout: the wall-clock or CPU-time limit · killed: memory or another resource limit
 * (MemoryError included), or a signal.
 */
export type SandboxStatus = "passed" | "failed" | "error" | "timeout" | "killed";

export const SANDBOX_STATUSES: readonly SandboxStatus[] = ["passed", "failed", "error", "timeout", "killed"];

export type SandboxResult = {
  status: SandboxStatus;
  /** The process's exit code (null when a signal ended it). */
  exitCode: number | null;
  signal: string | null;
  /** stdout and stderr interleaved as written, cut to the head and tail when longer than the cap. */
  output: string;
  durationMs: number;
  /** The first operation the sandbox refused (network, processes, files outside its directory…). */
  denied?: string;
  /** Why the run ended when the output alone does not say (time limit, memory limit, signal). */
  reason?: string;
  /** The exception type that ended the program, when one did. */
  exception?: string;
  /** Running cells (textbook code blocks): the 1-based block that failed. */
  failedBlock?: number;
};

export type SandboxLimits = {
  /** Wall-clock limit; the whole process group is killed after it. Default 10 s. */
  timeoutMs?: number;
  /** CPU seconds (RLIMIT_CPU). Default: the wall-clock limit rounded up. */
  cpuSeconds?: number;
  /** Address space (RLIMIT_AS). Default 512 MiB. */
  memoryBytes?: number;
  /** Largest file the program may write (RLIMIT_FSIZE). Default 16 MiB. */
  fileBytes?: number;
  /** Processes + threads the program may run (RLIMIT_NPROC, applied inside the sandbox's user namespace). Default 16. */
  processes?: number;
  /** Output kept (head + tail). Default 64 KiB. */
  maxOutputBytes?: number;
};

export type RunPythonInput = SandboxLimits & {
  /** One program… */
  code?: string;
  /** …or code cells run in order in one namespace (like a notebook); a failing cell is reported by index. */
  cells?: string[];
  /** Stops the run (kills the process group); the result is "killed" with reason "aborted". */
  signal?: AbortSignal;
};
