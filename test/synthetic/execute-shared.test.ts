import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { plainContext } from "@/lib/context";
import { db } from "@/lib/db/client";
import { detectSandbox } from "@/lib/sandbox/detect-sandbox";
import { buildItemProgram } from "@/lib/synthetic/execute/build-item-program";
import { createExecRun } from "@/lib/synthetic/execute/create-exec-run";
import { runExecRun } from "@/lib/synthetic/execute/run-exec-run";
import { jobRegistry } from "@/workers/registry";
import { useTestDatabase } from "../helpers/db";
import { readSharedSynthetic, seedSyntheticDataset } from "./fixtures-review";

/**
 * The shared synthetic set (../shared/data/synthetic, skipped when absent): every exercise and textbook
 * section runs in the sandbox; the ones that fail fail their own tests, and the pass/fail split is exactly
 * what plain python3 gives outside the sandbox — the sandbox does not break legitimate code.
 */
const exercises = readSharedSynthetic("exercise");
const textbooks = readSharedSynthetic("textbook");
useTestDatabase();

/** Runs a program with the same interpreter, no sandbox: a file in a scratch dir, exit code only. */
async function plainPython(python: string, code: string): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "syllabus-plain-"));
  try {
    fs.writeFileSync(path.join(dir, "program.py"), code);
    return await new Promise<boolean>((resolve) => {
      const child = spawn(python, ["program.py"], { cwd: dir, stdio: "ignore", env: { ...process.env, TMPDIR: dir } });
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!exercises || !textbooks)("shared synthetic set in the sandbox", () => {
  let ids: { exercises: number[]; textbooks: number[] };
  beforeAll(async () => {
    const ex = await seedSyntheticDataset("shared-exercises", exercises!, "exercise");
    const tb = await seedSyntheticDataset("shared-textbooks", textbooks!, "textbook");
    ids = { exercises: ex.ids, textbooks: tb.ids };
    for (const datasetId of [ex.datasetId, tb.datasetId]) {
      const run = await createExecRun({ datasetId }, null, jobRegistry);
      const result = await runExecRun(run.id, plainContext());
      expect(result.status).toBe("succeeded");
    }
  }, 600_000);

  it("all 80 exercises run; the few that fail fail their own tests; the rest pass", async () => {
    const items = await db().syntheticItem.findMany({ where: { snippetId: { in: ids.exercises } } });
    expect(items).toHaveLength(80);
    const failing = items.filter((i) => i.execStatus !== "passed");
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.length).toBeLessThanOrEqual(8);
    for (const f of failing) {
      expect(f.execStatus, `#${f.snippetId}`).toBe("failed");
      expect(f.execOutput, `#${f.snippetId}`).toMatch(/AssertionError|doctest examples in the tests failed/);
      expect(f.execOutput).not.toMatch(/sandbox denied/);
    }
    for (const p of items.filter((i) => i.execStatus === "passed")) expect(p.execOutput ?? "", `#${p.snippetId}`).not.toMatch(/sandbox denied/);
  });

  it("the pass/fail split equals plain python3 outside the sandbox, for exercises and textbook code", async () => {
    const { python } = await detectSandbox();
    const rows = await db().syntheticItem.findMany({ where: { snippetId: { in: [...ids.exercises, ...ids.textbooks] } }, include: { snippet: { select: { content: true } } }, orderBy: { snippetId: "asc" } });
    const sandboxed = new Map(rows.map((r) => [r.snippetId, r.execStatus === "passed"]));
    const plain = new Map<number, boolean>();
    for (const r of rows) {
      const program = buildItemProgram({ ...r, content: r.snippet.content });
      if (program.kind === "none") continue;
      plain.set(r.snippetId, await plainPython(python, program.kind === "program" ? program.code : program.cells.join("\n\n")));
    }
    expect(plain.size).toBe(110);
    const differ = [...plain].filter(([id, ok]) => sandboxed.get(id) !== ok).map(([id]) => id);
    expect(differ).toEqual([]);
    // The sample has a textbook section whose code has a bug.
    expect(ids.textbooks.filter((id) => plain.get(id) === false).length).toBeGreaterThan(0);
  }, 600_000);
});
