import type { TaskContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { JobCancelledError, LeaseLostError } from "@/lib/jobs/abort-reasons";
import type { SandboxLimits } from "@/lib/sandbox/types";
import { executeItem } from "./execute-item";
import { countPendingExecItems, readPendingExecItems, type PendingExecItem } from "./read-pending-exec-items";
import { recordExecResult } from "./record-exec-result";

export const EXEC_CONCURRENCY = 2;
const PAGE = 20;

export type RunExecRunResult = { status: "succeeded" | "cancelled" | "interrupted" | "gone"; total: number; done: number; passed: number; failed: number };

/**
 * The `synthetic.execute` job: runs the run's pending items in the sandbox, two at a time, storing each
 * result on its item and counting it on the run as it finishes. Idempotent and resumable: the pending set
 * leaves out items that already have a result from this run, so a retry continues where the last attempt
 * stopped. Sandboxed programs cannot hurt the worker (see lib/sandbox); a cancel kills the ones in flight.
 */
export async function runExecRun(runId: number, ctx: TaskContext, options: { limits?: SandboxLimits; concurrency?: number } = {}): Promise<RunExecRunResult> {
  const run = await db().execRun.findUnique({ where: { id: runId } });
  if (!run) return { status: "gone", total: 0, done: 0, passed: 0, failed: 0 };
  if (run.status === "succeeded" || run.status === "cancelled") return { status: run.status, total: run.total, done: run.done, passed: run.passed, failed: run.failed };
  // The first attempt fixes the total: what is pending now (later attempts see only the rest).
  const total = run.done === 0 && run.snippetId === null ? await countPendingExecItems(run) : run.total;
  await db().execRun.update({ where: { id: runId }, data: { status: "running", error: null, finishedAt: null, total } });
  ctx.log(`${total} item(s) to execute (scope ${run.snippetId === null ? run.scope : `snippet ${run.snippetId}`}), ${options.concurrency ?? EXEC_CONCURRENCY} at a time`);

  let counts = { done: run.done, passed: run.passed, failed: run.failed };
  try {
    let after = 0;
    let buffer: PendingExecItem[] = [];
    let exhausted = false;
    let fetching: Promise<void> | null = null;
    const take = async (): Promise<PendingExecItem | null> => {
      while (!buffer.length && !exhausted) {
        fetching ??= readPendingExecItems(run, after, PAGE).then((rows) => {
          buffer = rows;
          if (rows.length) after = rows[rows.length - 1].snippetId;
          if (rows.length < PAGE) exhausted = true;
          fetching = null;
        });
        await fetching;
      }
      return buffer.shift() ?? null;
    };
    const lane = async () => {
      for (;;) {
        if (ctx.signal.aborted) return;
        const item = await take();
        if (!item) return;
        const outcome = await executeItem(item, { signal: ctx.signal, limits: options.limits });
        if (ctx.signal.aborted) return; // killed by the cancel: not a result
        if (await recordExecResult(run, item.snippetId, outcome)) {
          counts = { done: counts.done + 1, passed: counts.passed + (outcome.status === "passed" ? 1 : 0), failed: counts.failed + (outcome.status && outcome.status !== "passed" ? 1 : 0) };
          if (outcome.status && outcome.status !== "passed") ctx.log(`#${item.snippetId}: ${outcome.status}${outcome.result?.exception ? ` (${outcome.result.exception})` : ""}`, "warn");
        }
        await ctx.reportProgress(counts.done, Math.max(total, counts.done), `${counts.passed} passed, ${counts.failed} failed`);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? EXEC_CONCURRENCY) }, lane));
  } catch (e) {
    if (!ctx.signal.aborted) {
      await db().execRun.update({ where: { id: runId }, data: { status: "failed", error: e instanceof Error ? e.message : String(e) } });
      throw e;
    }
  }
  const final = await db().execRun.findUniqueOrThrow({ where: { id: runId } });
  counts = { done: final.done, passed: final.passed, failed: final.failed };
  if (ctx.signal.aborted) {
    const reason = ctx.signal.reason;
    if (reason instanceof LeaseLostError) return { status: "interrupted", total, ...counts };
    if (reason instanceof JobCancelledError) {
      await db().execRun.update({ where: { id: runId }, data: { status: "cancelled", finishedAt: new Date() } });
      return { status: "cancelled", total, ...counts };
    }
    await db().execRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "queued" } });
    return { status: "interrupted", total, ...counts };
  }
  await db().execRun.updateMany({ where: { id: runId, status: "running" }, data: { status: "succeeded", finishedAt: new Date(), total: Math.max(total, final.done) } });
  ctx.log(`done: ${counts.passed} passed, ${counts.failed} failed of ${counts.done}`);
  return { status: "succeeded", total: Math.max(total, counts.done), ...counts };
}
