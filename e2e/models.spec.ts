import { expect, test, type Page } from "@playwright/test";
import { shot, signIn } from "./helpers";

/**
 * Issue 4's path through the UI: an admin trains a classifier on the sample dataset's labels, the model is
 * cross-validated, re-scores every snippet and becomes active; its probability then shows in the snippet
 * table (sortable) and on the spot-check page, with the "uncertain first" queue. Runs after the other specs
 * (the admin exists; the sample dataset was loaded by `npm start`).
 */

test.describe.configure({ mode: "serial" });

let admin: Page;
let sampleId = "";

test("an admin trains a model and it becomes active with cross-validated metrics", async ({ browser }) => {
  admin = await signIn(browser, "admin@example.com");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Models" }).click();
  await expect(admin.getByTestId("models-empty")).toBeVisible();
  const dataset = admin.getByTestId("train-dataset");
  sampleId = await dataset.locator("option", { hasText: /^sample(?!-)/ }).getAttribute("value") ?? "";
  expect(Number(sampleId)).toBeGreaterThan(0);
  await dataset.selectOption(sampleId);
  await admin.getByTestId("train-trees").fill("50");
  await shot(admin, "20-models-train");
  await admin.getByTestId("train-submit").click();

  const row = admin.getByTestId("model-row-1");
  await expect(row.getByTestId("model-status")).toHaveAttribute("data-status", "ready", { timeout: 60_000 });
  await expect(row.getByTestId("active-badge")).toBeVisible({ timeout: 60_000 });
  await expect(row.getByTestId("model-auc")).toHaveText(/0\.\d+/);
  await shot(admin, "21-models");

  await row.getByRole("link", { name: "v1" }).click();
  await expect(admin.getByTestId("roc-curve")).toBeVisible();
  await expect(admin.getByTestId("confusion-matrix")).toBeVisible();
  await expect(admin.getByTestId("importances")).toBeVisible();
  await expect(admin.getByTestId("score-runs")).toContainText(/succeeded/i);
  await shot(admin, "22-model-detail");
});

test("the snippet table shows and sorts by the classifier probability", async () => {
  await admin.goto(`/snippets?dataset=${sampleId}&sort=-prob`);
  const first = admin.getByTestId("snippet-row").first();
  await expect(first.getByTestId("prob-badge")).toBeVisible();
  const probs = await admin.getByTestId("snippet-row").evaluateAll((rows) =>
    rows.map((r) => r.querySelector("[data-testid=prob-badge]")?.getAttribute("data-prob") || null),
  );
  const known = probs.filter((p) => p !== null).map(Number);
  expect(known.length).toBeGreaterThan(5);
  expect([...known].sort((a, b) => b - a)).toEqual(known);
  await shot(admin, "23-snippets-by-prob");
});

test("the spot-check page shows P(high) and serves the uncertain queue", async () => {
  await admin.goto(`/review/${sampleId}?queue=uncertain`);
  await expect(admin.getByTestId("review-code")).toBeVisible();
  await expect(admin.getByTestId("classifier-prob")).toHaveAttribute("data-prob", /\d/);
  await shot(admin, "24-review-uncertain");
});
