import { expect, test, type Page } from "@playwright/test";
import { shot, signIn } from "./helpers";

/**
 * Issue 7 through the UI: an admin builds an export of the sample dataset, sees its preview, runs it, waits for
 * the worker to finish, downloads a shard through the authenticated route, and deletes the export.
 */

test.describe.configure({ mode: "serial" });

let admin: Page;

test("an admin builds an export, previews it, runs it and downloads a shard", async ({ browser }) => {
  admin = await signIn(browser, "admin@example.com");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Exports" }).click();
  await expect(admin).toHaveURL(/\/exports$/);
  await expect(admin.getByTestId("export-preview-empty")).toBeVisible();
  const sample = admin.locator('[data-testid^="export-dataset-"][data-name="sample"]');
  await sample.check();
  await admin.getByTestId("export-filter-mode").selectOption("llm");
  await admin.getByTestId("export-min-llm-score").selectOption("3");
  await admin.getByTestId("export-shard-unit").selectOption("rows");
  await admin.getByTestId("export-shard-size").fill("40");
  await admin.getByTestId("export-seed").fill("7");
  await admin.getByTestId("export-name-input").fill("e2e sample edu>=3");
  await expect(admin.getByTestId("preview-rows")).toHaveText(/^[1-9][\d,]*$/);
  const previewRows = Number((await admin.getByTestId("preview-rows").textContent())!.replace(/\D/g, ""));
  await expect(admin.getByTestId("preview-shards")).toContainText(String(Math.ceil(previewRows / 40)));
  await expect(admin.getByTestId("run-export")).toBeEnabled();
  await shot(admin, "51-export-builder");

  await admin.getByTestId("run-export").click();
  await expect(admin).toHaveURL(/\/exports\/\d+$/);
  await expect(admin.getByTestId("export-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(admin.getByTestId("export-rows")).toContainText(previewRows.toLocaleString("en-US"));
  await expect(admin.getByTestId("shard-row-train-0")).toBeVisible();

  const link = admin.getByTestId("shard-download").first();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/api\/exports\/\d+\/files\/data\/train-00000-of-\d{5}\.parquet$/);
  const [download] = await Promise.all([admin.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^train-00000-of-\d{5}\.parquet$/);
  const response = await admin.request.get(href);
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect(body.subarray(0, 4).toString()).toBe("PAR1");
  expect(body.subarray(body.length - 4).toString()).toBe("PAR1");
  // Nothing outside the export's listed files is served.
  expect((await admin.request.get(href.replace(/data\/.*/, "..%2F..%2Fsyllabus.db"))).status()).toBe(404);
  await admin.getByTestId("view-README.md").click();
  await expect(admin.getByTestId("card-view")).toBeVisible();
  await shot(admin, "52-export-detail");

  await admin.getByTestId("delete-export").click();
  await admin.getByTestId("confirm-delete-export").click();
  await expect(admin.getByTestId("export-status")).toHaveAttribute("data-status", "deleted");
  expect((await admin.request.get(href)).status()).toBe(404);
  await admin.goto("/exports");
  await shot(admin, "53-exports");
});
