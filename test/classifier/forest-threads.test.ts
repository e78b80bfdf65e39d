import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { serializeForest } from "@/lib/classifier/forest/serialize-forest";
import { trainForest } from "@/lib/classifier/forest/train-forest";
import { CHILD_PARAMS, childData, forestSha } from "./forest-child";

describe("forest worker threads outside vitest", () => {
  it("train under `node --import tsx` from another directory and give the same forest as one thread in-process", async () => {
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const child = spawnSync(process.execPath, ["--import", tsxLoader, path.join(import.meta.dirname, "forest-child.ts")], { cwd: os.tmpdir(), encoding: "utf8", timeout: 60_000 });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const fromChild = JSON.parse(child.stdout.trim()) as { sha: string; oob: unknown };

    const inline = await trainForest({ ...childData(), params: CHILD_PARAMS, threads: 1 });
    expect(fromChild.sha).toBe(forestSha(serializeForest(inline.forest)));
    expect(fromChild.oob).toEqual(inline.oob);
  });
});
