import { expect, it } from "vitest";
import { describeDatabase, ZWorkerEnv } from "@/workers/env";

it("validates the worker environment with defaults for unset or empty values", () => {
  const env = ZWorkerEnv.parse({ DATABASE_URL: "", WORKER_CONCURRENCY: "", JOB_LEASE_MS: "5000" });
  expect(env).toMatchObject({ DATABASE_URL: "file:./data/syllabus.db", WORKER_CONCURRENCY: 1, JOB_LEASE_MS: 5000, JOB_POLL_MS: 1000, JOB_SHUTDOWN_GRACE_MS: 20_000, JOB_LOG_RETENTION_DAYS: 30 });
  expect(ZWorkerEnv.safeParse({ JOB_LOG_RETENTION_DAYS: "-1" }).success).toBe(false);
  expect(ZWorkerEnv.safeParse({ WORKER_CONCURRENCY: "many" }).success).toBe(false);
  expect(ZWorkerEnv.safeParse({ DATABASE_URL: "mysql://x/y" }).success).toBe(false);
});

it("describes the database without its password", () => {
  expect(describeDatabase("postgresql://app:s3cret@db.internal:5432/syllabus?sslmode=require")).toBe("PostgreSQL postgresql://app:***@db.internal:5432/syllabus?sslmode=require");
  expect(describeDatabase("postgres://db.internal/syllabus")).toBe("PostgreSQL postgres://db.internal/syllabus");
  expect(describeDatabase("file:/tmp/x/test.db")).toBe("SQLite /tmp/x/test.db");
});
