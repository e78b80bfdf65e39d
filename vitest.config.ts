import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "test/**/*.test.ts", "workers/**/*.test.ts", "app/**/*.test.ts"],
    environment: "node",
    globalSetup: ["test/helpers/global-setup.ts"],
    pool: "forks",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each test file gets its own database (test/helpers/db.ts); two files at a time suit 2-core machines.
    maxWorkers: 2,
  },
});
