import type { SandboxResult } from "@/lib/sandbox/types";
import type { ItemProgram } from "./build-item-program";

/**
 * The text stored as an item's execution output: what the program printed, then one bracketed line per
 * fact the output does not show by itself (time or memory limit, a denied operation, which of the
 * section's code blocks failed).
 */
export function formatExecOutput(result: SandboxResult, program: ItemProgram): string {
  const notes: string[] = [];
  if (result.reason && result.status !== "failed") notes.push(`[${result.status}: ${result.reason}]`);
  if (result.denied) notes.push(`[sandbox denied: ${result.denied}]`);
  if (result.failedBlock && program.kind === "cells") {
    const index = program.blockIndexes[result.failedBlock - 1];
    notes.push(`[python block ${result.failedBlock} of ${program.cells.length} failed${index !== undefined ? ` (code block ${index + 1} of the section)` : ""}]`);
  }
  const out = result.output;
  return notes.length ? `${out}${out && !out.endsWith("\n") ? "\n" : ""}${notes.join("\n")}` : out;
}
