import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3210);
/** The suite's OpenAI-compatible server (test/fake-openai): the e2e admin points Settings at it. */
const FAKE_OPENAI_PORT = Number(process.env.E2E_FAKE_OPENAI_PORT ?? 3211);
process.env.E2E_FAKE_OPENAI_URL ??= `http://127.0.0.1:${FAKE_OPENAI_PORT}/v1`;

/**
 * E2E in Debian's chromium (no browser download): the app runs exactly as `npm start` runs it — web +
 * worker — on a fresh SQLite database under data/e2e/. Run `npm run build` first (npm start builds when
 * .next is missing).
 */
export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".ci/out/playwright.json" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    viewport: { width: 1400, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
    },
  },
  webServer: [
    {
      command: `node --import tsx test/fake-openai/cli.ts --port ${FAKE_OPENAI_PORT} --latency-ms 30`,
      url: `http://127.0.0.1:${FAKE_OPENAI_PORT}/v1/models`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: "rm -rf data/e2e && node --import tsx bin/start.ts",
      url: `http://localhost:${PORT}/login`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      env: {
        PORT: String(PORT),
        DATABASE_URL: "file:./data/e2e/e2e.db",
        SYLLABUS_DATA_DIR: "data/e2e",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
