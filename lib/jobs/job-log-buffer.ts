import { db, type Tx } from "@/lib/db/client";
import { conciseMessage } from "./format-job-error";
import type { JobLease } from "./types";

export type JobLogLevel = "info" | "warn" | "error";

export const JOB_LOG_LIMITS = { linesPerAttempt: 2_000, messageChars: 4_000 } as const;

export type JobLogBuffer = {
  /**
   * Queues a line; never throws, never waits. Handler lines past the per-attempt cap are only counted;
   * `uncapped` is for the worker's own few lines about the attempt (start, error, outcome).
   */
  add(message: string, level?: JobLogLevel, options?: { uncapped?: boolean }): void;
  /**
   * Writes the queued lines in one insert. Concurrent calls are serialized. On a write error the lines stay
   * queued for the next flush and the error is passed to onError; `final` also writes the "N more lines
   * dropped" line and gives up on lines that still cannot be written (e.g. the job was deleted).
   */
  flush(options?: { final?: boolean }): Promise<void>;
  pending(): number;
};

type Line = { jobId: number; attempt: number; level: JobLogLevel; message: string; createdAt: Date };

/**
 * The buffer behind TaskContext.log for one attempt of one job. Log writes are not fenced by the lease:
 * a worker that lost its lease may still record what it did, and every line carries its attempt, so the
 * jobs page can tell the runs apart. Deleting a job deletes its logs (cascade).
 */
export function createJobLogBuffer(
  lease: JobLease,
  options: { limits?: Partial<typeof JOB_LOG_LIMITS>; onError?: (message: string) => void; client?: () => Tx } = {},
): JobLogBuffer {
  const maxLines = options.limits?.linesPerAttempt ?? JOB_LOG_LIMITS.linesPerAttempt;
  const maxChars = options.limits?.messageChars ?? JOB_LOG_LIMITS.messageChars;
  const client = options.client ?? db;
  let queue: Line[] = [];
  let accepted = 0;
  let dropped = 0;
  let droppedWritten = false;
  let chain: Promise<void> = Promise.resolve();

  const line = (message: string, level: JobLogLevel): Line => ({ jobId: lease.id, attempt: lease.attempt, level, message, createdAt: new Date() });

  const write = async (final: boolean) => {
    if (final && dropped > 0 && !droppedWritten) {
      droppedWritten = true;
      queue.push(line(`… ${dropped} more line${dropped === 1 ? "" : "s"} dropped (the log keeps the first ${maxLines} lines of an attempt)`, "warn"));
    }
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      await client().jobLog.createMany({ data: batch });
    } catch (e) {
      options.onError?.(`job ${lease.id}: writing ${batch.length} log line(s) failed: ${conciseMessage(e)}`);
      if (!final) queue = [...batch, ...queue];
    }
  };

  return {
    add(message, level = "info", addOptions = {}) {
      if (!addOptions.uncapped) {
        if (accepted >= maxLines) {
          dropped++;
          return;
        }
        accepted++;
      }
      const text = String(message);
      queue.push(line(text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text, level));
    },
    flush(flushOptions = {}) {
      chain = chain.then(() => write(flushOptions.final ?? false));
      return chain;
    },
    pending: () => queue.length,
  };
}
