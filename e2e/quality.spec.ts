import { expect, test, type Page } from "@playwright/test";
import { pressAndSave, shot, signIn } from "./helpers";

/**
 * Issue 5's path through the UI: with the active model trained by models.spec.ts, an admin draws an audit of
 * the sample dataset on the Quality page, labels its items blind in the audit queue, and the precision panel
 * then shows an interval with its sample size; a drill-down count opens exactly those snippets in the table.
 */

test.describe.configure({ mode: "serial" });

let admin: Page;
let sampleId = "";

test("an admin draws an audit of the active model on the Quality page", async ({ browser }) => {
  admin = await signIn(browser, "admin@example.com");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Quality" }).click();
  const dataset = admin.getByTestId("quality-dataset");
  sampleId = (await dataset.locator("option", { hasText: /^sample(?!-)/ }).getAttribute("value")) ?? "";
  await dataset.selectOption(sampleId);
  await expect(admin.getByTestId("audits-empty")).toBeVisible();
  await admin.getByTestId("audit-kept-size").fill("6");
  await admin.getByTestId("audit-rejected-size").fill("6");
  await admin.getByTestId("audit-create-submit").click();
  await expect(admin.locator('[data-testid^="audit-row-"]')).toHaveCount(1);
  await shot(admin, "25-quality-audit-created");
});

test("the audit is labeled blind in the spot-check view", async () => {
  await admin.locator('[data-testid^="audit-start-"]').first().click();
  await expect(admin.getByTestId("audit-banner")).toBeVisible();
  await expect(admin.getByTestId("review-code")).toBeVisible();
  await expect(admin.getByTestId("classifier-prob")).toHaveCount(0);
  await shot(admin, "26-audit-review");
  for (const key of ["5", "4", "1", "0", "4", "2", "3", "5"]) await pressAndSave(admin, key);
});

test("the precision panel shows intervals with sample sizes, and a drill-down opens the snippets behind a count", async () => {
  await admin.goto(`/quality?dataset=${sampleId}`);
  await expect(admin.getByTestId("quality-precision")).toContainText("%");
  await expect(admin.getByTestId("quality-recall")).toBeVisible();
  await expect(admin.getByTestId("agreement-confusion")).toBeVisible();
  await expect(admin.getByTestId("classifier-calibration")).toBeVisible();
  await shot(admin, "27-quality");

  const labeled = admin.getByTestId("drill-kept-labeled");
  const shown = Number((await labeled.textContent())!.replace(/\D/g, ""));
  expect(shown).toBeGreaterThan(0);
  await labeled.click();
  await expect(admin).toHaveURL(/\/snippets\?.*auditId=/);
  await expect(admin.getByTestId("snippet-row")).toHaveCount(shown);
  await shot(admin, "28-drilldown");
});
