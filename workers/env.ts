import { z } from "zod";
import { DEFAULT_DATABASE_URL, dialectOf, sqliteFilePath } from "@/lib/db/url";
import { DEFAULT_BACKOFF } from "@/lib/jobs/backoff";
import { ZLlmEnv } from "@/lib/llm/llm-env";
import { DEFAULT_JOB_LOG_RETENTION_DAYS } from "./housekeeping";
import { WORKER_DEFAULTS } from "./run-worker";

// Unset and empty variables both mean "use the default".
const int = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess((v) => (v === "" || v === undefined ? undefined : v), z.coerce.number().int().min(min).max(max).default(fallback));

/** The worker's environment, validated once at start. */
export const ZWorkerEnv = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => v?.trim() || DEFAULT_DATABASE_URL)
    .superRefine((url, ctx) => {
      try {
        dialectOf(url);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
      }
    }),
  WORKER_CONCURRENCY: int(WORKER_DEFAULTS.concurrency, 1, 64),
  JOB_POLL_MS: int(WORKER_DEFAULTS.pollMs, 10, 60_000),
  JOB_LEASE_MS: int(WORKER_DEFAULTS.leaseMs, 200),
  JOB_HEARTBEAT_MS: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(50).optional()),
  JOB_SHUTDOWN_GRACE_MS: int(WORKER_DEFAULTS.shutdownGraceMs, 0),
  JOB_HOUSEKEEPING_MS: int(WORKER_DEFAULTS.housekeepingMs, 0),
  JOB_BACKOFF_BASE_MS: int(DEFAULT_BACKOFF.baseMs, 0),
  JOB_BACKOFF_MAX_MS: int(DEFAULT_BACKOFF.maxMs, 0),
  /** Days the log lines of a finished job are kept; 0 keeps them forever. */
  JOB_LOG_RETENTION_DAYS: int(DEFAULT_JOB_LOG_RETENTION_DAYS, 0, 36_500),
  /** Test hook: path of a module exporting `jobs: JobDefinition[]`, added to the registry. */
  SYLLABUS_EXTRA_JOBS: z.string().optional(),
  // Checked here too so a worker with a mistyped OPENAI_BASE_URL stops at start, not at its first campaign.
  ...ZLlmEnv.shape,
});
export type WorkerEnv = z.infer<typeof ZWorkerEnv>;

/** Where a DATABASE_URL points, safe to print: the password is masked. */
export function describeDatabase(url: string): string {
  if (dialectOf(url) === "sqlite") return `SQLite ${sqliteFilePath(url)}`;
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return `PostgreSQL ${u.toString()}`;
  } catch {
    return `PostgreSQL ${url.replace(/:[^:@/]*@/, ":***@")}`;
  }
}
