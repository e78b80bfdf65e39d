import { runPython } from "@/lib/sandbox/run-python";
import type { SandboxLimits, SandboxResult } from "@/lib/sandbox/types";
import { buildItemProgram, type ExecutableItem } from "./build-item-program";
import { formatExecOutput } from "./format-exec-output";
import type { ExecOutcome } from "./record-exec-result";

/** Per-item limits of the execution job. */
export const EXEC_LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryBytes: 512 * 1024 * 1024 };

/**
 * Runs one synthetic item in the sandbox: an exercise as one program, a textbook section's Python blocks as
 * cells. Never throws; an item with nothing to run gives a null status and says why.
 */
export async function executeItem(item: ExecutableItem & { version: number }, options: { signal?: AbortSignal; limits?: SandboxLimits } = {}): Promise<ExecOutcome & { result: SandboxResult | null }> {
  const program = buildItemProgram(item);
  if (program.kind === "none") return { status: null, output: program.reason, ms: null, version: item.version, result: null };
  const result = await runPython({ ...EXEC_LIMITS, ...options.limits, ...(program.kind === "program" ? { code: program.code } : { cells: program.cells }), signal: options.signal });
  return { status: result.status, output: formatExecOutput(result, program), ms: result.durationMs, version: item.version, result };
}
