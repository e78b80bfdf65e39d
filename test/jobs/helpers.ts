import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@syllabus/prisma-sqlite";
import { PrismaClient as PostgresClient } from "@syllabus/prisma-postgres";
import { z } from "zod";
import type { TaskContext } from "@/lib/context";
import type { Db } from "@/lib/db/client";
import { dialectOf, sqliteFilePath } from "@/lib/db/url";
import { createJobRegistry, defineJob } from "@/lib/jobs/job-definition";

/** A separate client (own connection / pool), to act as another worker process in concurrency tests. */
export function newClient(url: string): Db {
  return dialectOf(url) === "postgres"
    ? (new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }) }) as unknown as Db)
    : new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(url)}`, timeout: 15_000 }) });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value (no fixed sleeps in assertions). */
export async function waitFor<T>(check: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 15_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** Test-only jobs; `hooks` lets a test script what the handler does. */
export type Hooks = { run?: (payload: { n: number }, ctx: TaskContext) => Promise<unknown> };
export const hooks: Hooks = {};

export const echoJob = defineJob({
  name: "test.echo",
  payload: z.object({ n: z.number().int() }),
  handler: async (payload, ctx) => hooks.run?.(payload, ctx),
});

export const otherJob = defineJob({
  name: "test.other",
  payload: z.object({ n: z.number().int() }),
  handler: async () => {},
});

export const testRegistry = createJobRegistry([echoJob, otherJob]);
