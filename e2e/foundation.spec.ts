import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { pressAndSave, shot, signUp } from "./helpers";

test.describe.configure({ mode: "serial" });

let admin: Page;
let datasetId = "";
const adminLabeled: string[] = [];

test("the first user signs up and is admin", async ({ browser }) => {
  admin = await signUp(browser, "admin@example.com");
  await expect(admin.getByTestId("current-user")).toContainText("admin");
  await expect(admin.getByRole("link", { name: "Users" })).toBeVisible();
  await shot(admin, "01-datasets");
});

test("an admin uploads a JSONL in the UI and sees its import report", async () => {
  await admin.getByRole("link", { name: "Imports" }).click();
  await admin.getByLabel("Dataset").fill("e2e-upload");
  await admin.getByLabel("File").setInputFiles(path.join(import.meta.dirname, "fixtures", "upload.jsonl"));
  await admin.getByRole("button", { name: "Upload and import" }).click();
  const row = admin.locator('[data-testid^="import-row-"]').filter({ hasText: "upload.jsonl" });
  await expect(row.getByTestId("import-status")).toHaveText("completed", { timeout: 30_000 });
  await expect(row.getByTestId("import-inserted")).toHaveText("20");
  await row.getByTestId("import-errors-toggle").click();
  const errors = admin.locator('[data-testid^="import-errors-"]').filter({ hasText: "line" });
  await expect(errors).toContainText("6");
  await expect(errors).toContainText("11");
  await shot(admin, "02-imports");
  const href = await row.getByRole("link", { name: "e2e-upload" }).getAttribute("href");
  datasetId = href!.split("/").pop()!;
  expect(Number(datasetId)).toBeGreaterThan(0);
});

test("the dataset list and snippet table show the imported data", async () => {
  await admin.goto("/datasets");
  await expect(admin.getByTestId("dataset-row-e2e-upload")).toBeVisible();
  await shot(admin, "03-datasets-list");
  await admin.goto(`/snippets?dataset=${datasetId}`);
  await expect(admin.getByTestId("snippet-row")).toHaveCount(20);
  await shot(admin, "04-snippets");
});

test("the admin labels five snippets with the keyboard only, and they survive a reload", async () => {
  await admin.goto(`/review/${datasetId}`);
  await expect(admin.getByTestId("review-code")).toBeVisible();
  await shot(admin, "05-review");
  for (const key of ["Enter", "4", "2", "Enter", "5"]) adminLabeled.push(await pressAndSave(admin, key));
  await admin.keyboard.press("?");
  await expect(admin.getByTestId("cheatsheet")).toBeVisible();
  await shot(admin, "06-cheatsheet");
  await admin.keyboard.press("Escape");

  await admin.reload();
  await admin.goto(`/review/${datasetId}?queue=mine`);
  await expect(admin.getByTestId("progress")).toContainText("5");
  await expect(admin.getByTestId("my-label")).toBeVisible();
  const shown = (await admin.getByTestId("snippet-id").textContent())!.replace(/\D/g, "");
  expect(adminLabeled).toContain(shown);
  await shot(admin, "07-my-labels");
});

test("a second user (annotator) labels the same dataset and both are counted", async ({ browser }) => {
  const second = await signUp(browser, "annotator@example.com");
  await expect(second.getByTestId("current-user")).toContainText("annotator");
  await second.goto(`/review/${datasetId}`);
  await expect(second.getByTestId("review-code")).toBeVisible();
  for (const key of ["3", "Enter", "1"]) await pressAndSave(second, key);

  await admin.goto("/review");
  const stats = admin.getByTestId(`annotator-stats-${datasetId}`);
  await expect(stats).toContainText("admin@example.com");
  await expect(stats).toContainText("annotator@example.com");
  await expect(stats.locator("tr", { hasText: "admin@example.com" })).toContainText("5");
  await expect(stats.locator("tr", { hasText: "annotator@example.com" })).toContainText("3");
  await shot(admin, "08-review-overview");
  await second.context().close();
});

test("a viewer cannot label", async ({ browser }) => {
  const viewer = await signUp(browser, "viewer@example.com");
  await admin.goto("/admin/users");
  await admin.getByLabel("Role of viewer@example.com").selectOption("viewer");
  await expect(admin.getByLabel("Role of viewer@example.com")).toHaveValue("viewer");
  await shot(admin, "09-users");

  await viewer.goto(`/review/${datasetId}`);
  await expect(viewer.getByTestId("viewer-note")).toBeVisible();
  await expect(viewer.getByTestId("score-button-4")).toHaveCount(0);
  const before = await viewer.getByTestId("snippet-id").textContent();
  await viewer.keyboard.press("4");
  await expect(viewer.getByTestId("snippet-id")).toHaveText(before ?? "");
  const snippetId = Number((before ?? "").replace(/\D/g, ""));
  const res = await viewer.request.put("/api/labels", { data: { snippetId, score: 4, status: "labeled" } });
  expect(res.status()).toBe(403);
  await shot(viewer, "10-viewer");
  await viewer.context().close();
});
