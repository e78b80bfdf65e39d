import { expect, it } from "vitest";
import { backoffDelayMs } from "@/lib/jobs/backoff";
import { conciseMessage, formatJobError } from "@/lib/jobs/format-job-error";

it("doubles per attempt with jitter in [0.5, 1) of the exponential delay, capped", () => {
  const opts = { baseMs: 1_000, maxMs: 10_000 };
  expect(backoffDelayMs(1, { ...opts, random: () => 0 })).toBe(500);
  expect(backoffDelayMs(1, { ...opts, random: () => 0.999999 })).toBe(1_000);
  expect(backoffDelayMs(3, { ...opts, random: () => 0 })).toBe(2_000);
  expect(backoffDelayMs(20, { ...opts, random: () => 0.999999 })).toBe(10_000);
  for (let i = 0; i < 100; i++) {
    const d = backoffDelayMs(2, opts);
    expect(d).toBeGreaterThanOrEqual(1_000);
    expect(d).toBeLessThanOrEqual(2_000);
  }
});

it("keeps the message and the top of the stack, and strips Prisma's call-site excerpt", () => {
  const text = formatJobError(new TypeError("bad input"));
  expect(text).toMatch(/^TypeError: bad input\n\s+at /);
  expect(text.split("\n").length).toBeLessThanOrEqual(13);
  expect(formatJobError("plain")).toBe("plain");
  expect(formatJobError(new Error("x".repeat(10_000))).length).toBeLessThanOrEqual(4_000);
  const prismaLike = new Error("\nInvalid `prisma.job.findFirst()` invocation in\n/app/x.js:1:2\n\n  1 | code\n→ 2 | more\n\nThe table `main.job` does not exist in the current database.");
  expect(conciseMessage(prismaLike)).toBe("The table `main.job` does not exist in the current database.");
});
