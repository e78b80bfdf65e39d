import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { shot, signIn } from "./helpers";

/**
 * Issue 6 through the UI: an admin (endpoint already pointed at the suite's fake OpenAI server by
 * llm-labels.spec.ts) creates a generation campaign of 30 items, watches it finish, reviews and approves items
 * with the keyboard, executes an exercise, computes the diversity dashboard, and checks a dataset against a small
 * benchmark we wrote (e2e/fixtures/mini-benchmark.jsonl) with one of its prompts planted in a dataset.
 */

test.describe.configure({ mode: "serial" });

let admin: Page;
let datasetId = "";
let campaignId = "";

test("an admin creates a generation campaign and it generates 30 items", async ({ browser }) => {
  admin = await signIn(browser, "admin@example.com");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Synthetic" }).click();
  await expect(admin).toHaveURL(/\/synthetic$/);
  await shot(admin, "41-synthetic");
  await admin.getByTestId("new-generation-campaign").click();
  await expect(admin).toHaveURL(/\/synthetic\/campaigns\/new$/);
  await admin.getByTestId("campaign-dataset").selectOption("new");
  await admin.getByTestId("campaign-new-dataset").fill("e2e-synthetic");
  await admin.getByTestId("campaign-kind").selectOption("mixed");
  await admin.getByTestId("campaign-name").fill("e2e mixed");
  await admin.getByTestId("campaign-count").fill("30");
  await admin.getByTestId("campaign-concurrency").fill("4");
  await expect(admin.getByTestId("estimate-items")).toContainText("30");
  await expect(admin.getByTestId("estimate-cost")).toContainText("$");
  await shot(admin, "42-generation-new");
  await admin.getByTestId("start-generation").click();

  await expect(admin).toHaveURL(/\/synthetic\/campaigns\/\d+$/);
  campaignId = admin.url().split("/").pop()!;
  await expect(admin.getByTestId("campaign-status")).toHaveText(/succeeded/i, { timeout: 90_000 });
  await expect(admin.getByTestId("generation-progress")).toHaveAttribute("aria-valuenow", "100");
  await expect(admin.getByTestId("generation-generated")).toHaveText("30");
  await expect(admin.getByTestId("grid-coverage")).toBeVisible();
  await shot(admin, "43-generation-done");
  const reviewHref = await admin.getByTestId("generation-review-link").getAttribute("href");
  datasetId = new URL(reviewHref!, "http://x").searchParams.get("dataset")!;
  expect(datasetId).toMatch(/^\d+$/);
});

test("a reviewer approves and rejects with the keyboard, edits an exercise and executes it", async () => {
  await admin.getByTestId("generation-review-link").click();
  await expect(admin).toHaveURL(/\/synthetic\/review\?/);
  await expect(admin.getByTestId("progress-reviewed")).toContainText("0 / 30 reviewed");
  const item = admin.getByTestId("synthetic-item");
  const idOf = async () => (await item.getAttribute("data-snippet-id")) ?? "";

  // Approve three items with `a`, each time waiting for the next one to show.
  for (let i = 0; i < 3; i++) {
    const before = await idOf();
    await admin.keyboard.press("a");
    await expect(item).not.toHaveAttribute("data-snippet-id", before);
  }
  await expect(admin.getByTestId("progress-mine")).toContainText("3 by you");

  // Reject one as a duplicate with a note, then go back and see the decision.
  const rejected = await idOf();
  await admin.keyboard.press("r");
  await expect(admin.getByTestId("reason-picker")).toBeVisible();
  await admin.keyboard.press("4");
  await admin.getByTestId("reject-note").fill("Same idea as an earlier section.");
  await shot(admin, "44-review-reject");
  await admin.getByTestId("reject-note").press("Enter");
  await expect(item).not.toHaveAttribute("data-snippet-id", rejected);
  await admin.keyboard.press("k");
  await expect(item).toHaveAttribute("data-snippet-id", rejected);
  await expect(admin.getByTestId("review-status")).toHaveAttribute("data-status", "rejected");
  await expect(admin.getByTestId("review-status")).toContainText(/duplicate/i);
  await expect(admin.getByTestId("progress-reviewed")).toContainText("4 / 30 reviewed");
  if ((await item.getAttribute("data-kind")) === "textbook") {
    await expect(admin.getByTestId("md-code-block").first()).toBeVisible();
    await shot(admin, "45-review-textbook");
  }

  // An exercise: execute it with `x`, then edit it into version 2 (the result turns stale).
  await admin.getByTestId("filter-kind").selectOption("exercise");
  await expect(item).toHaveAttribute("data-kind", "exercise");
  await expect(admin.getByTestId("exercise-solution")).toBeVisible();
  await admin.keyboard.press("x");
  await expect(admin.getByTestId("exec-status")).toHaveAttribute("data-status", /passed|failed/, { timeout: 30_000 });
  await shot(admin, "46-review-exercise-executed");
  await admin.keyboard.press("e");
  const solution = admin.getByTestId("edit-solution");
  await solution.fill(`${await solution.inputValue()}\n`.replace(/\n+$/, "\n    # reviewed\n"));
  await solution.press("Control+Enter");
  await expect(item).toHaveAttribute("data-version", "2");
  await expect(admin.getByTestId("exec-stale")).toBeVisible();
  await admin.getByTestId("history-v1").click();
  await expect(admin.getByTestId("version-view")).toHaveAttribute("data-version", "1");
});

test("the diversity dashboard computes a report for the generated set", async () => {
  await admin.goto(`/diversity?dataset=${datasetId}&campaign=${campaignId}`);
  await expect(admin.getByTestId("diversity-compute")).toBeEnabled();
  await admin.getByTestId("diversity-compute").click();
  await expect(admin.getByTestId("diversity-report-header")).toContainText("succeeded", { timeout: 60_000 });
  await expect(admin.getByTestId("diversity-card-distinct-value")).toHaveText(/0\.\d\d \/ 0\.\d\d \/ [01]\.\d\d/);
  await expect(admin.getByTestId("diversity-card-neardup-value")).toHaveText(/\d+(\.\d+)?%/);
  await expect(admin.getByTestId("diversity-card-vendi-value")).toContainText("of");
  await expect(admin.getByTestId("coverage-heatmap")).toBeVisible();
  expect(await admin.getByTestId("coverage-cell").count()).toBeGreaterThan(0);
  await shot(admin, "47-diversity");
});

test("a dataset is checked against a benchmark; the planted prompt is flagged and shown side by side", async () => {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Imports" }).click();
  await expect(admin).toHaveURL(/\/imports$/);
  await admin.getByLabel("Dataset").fill("e2e-decontam");
  await admin.getByLabel("File").setInputFiles(path.join(import.meta.dirname, "fixtures", "decontam-dataset.jsonl"));
  await admin.getByRole("button", { name: "Upload and import" }).click();
  const row = admin.locator('[data-testid^="import-row-"]').filter({ hasText: "decontam-dataset.jsonl" });
  await expect(row.getByTestId("import-status")).toHaveText("completed", { timeout: 30_000 });

  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decontam" }).click();
  await expect(admin).toHaveURL(/\/decontam/);
  await admin.getByTestId("benchmark-file").setInputFiles(path.join(import.meta.dirname, "fixtures", "mini-benchmark.jsonl"));
  await admin.getByTestId("benchmark-name").fill("mini");
  await admin.getByTestId("benchmark-upload").click();
  await expect(admin.getByTestId("benchmark-import-report")).toContainText("3 items");
  await expect(admin.getByTestId("benchmark-row-mini").getByTestId("benchmark-items")).toHaveText("3");

  const checkDataset = admin.getByTestId("check-dataset");
  await checkDataset.selectOption((await checkDataset.locator("option", { hasText: /^e2e-decontam \(/ }).getAttribute("value"))!);
  await admin.getByTestId("check-submit").click();
  await expect(admin.getByTestId("decontam-run-status").first()).toHaveAttribute("data-status", "succeeded", { timeout: 30_000 });
  await expect(admin.getByTestId("decontam-run-flagged").first()).toHaveText("1");
  const flagged = admin.locator('[data-testid^="flagged-row-"]');
  await expect(flagged).toHaveCount(1);
  await expect(flagged.getByTestId("flagged-task-ids")).toContainText("Mini/2");
  await flagged.click();
  await expect(admin).toHaveURL(/snippet=\d+/);
  await expect(admin.getByTestId("match-viewer")).toBeVisible();
  await expect(admin.getByTestId("match-snippet").getByTestId("match-highlight").first()).toBeVisible();
  await expect(admin.getByTestId("match-prompt").getByTestId("match-highlight").first()).toBeVisible();
  await expect(admin.getByTestId("export-status")).toHaveAttribute("data-status", "excluded");
  await shot(admin, "48-decontam-match");

  await admin.getByTestId("override-note-input").fill("Our own rewrite; the benchmark copy is intentional for this e2e.");
  await admin.getByTestId("override-save").click();
  await expect(admin.getByTestId("export-status")).toHaveAttribute("data-status", "overridden");
  await admin.getByTestId("override-remove").click();
  await expect(admin.getByTestId("export-status")).toHaveAttribute("data-status", "excluded");
  await admin.keyboard.press("Escape");
  await expect(admin.getByTestId("match-viewer")).toBeHidden();
  await shot(admin, "49-decontam");
});
