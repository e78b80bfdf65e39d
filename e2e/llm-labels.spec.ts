import { expect, test, type Page } from "@playwright/test";
import { shot, signIn } from "./helpers";

/**
 * Issue 3's path through the UI: an admin points Syllabus at an OpenAI-compatible server (the suite's fake
 * server, started by playwright.config.ts), starts a labeling campaign, watches it finish and finds the new
 * labels on the spot-check page. Runs after foundation.spec.ts, which created the admin and the
 * "e2e-upload" dataset.
 */

test.describe.configure({ mode: "serial" });

const FAKE_OPENAI = process.env.E2E_FAKE_OPENAI_URL ?? "http://127.0.0.1:3211/v1";
let admin: Page;
let datasetId = "";

test("without an endpoint the app says what needs one", async ({ browser }) => {
  admin = await signIn(browser, "admin@example.com");
  await admin.goto("/campaigns/new");
  await expect(admin.getByTestId("llm-not-configured")).toBeVisible();
  await expect(admin.getByTestId("start-campaign")).toBeDisabled();
  await shot(admin, "11-campaign-not-configured");
});

test("an admin configures the endpoint and the connection test passes", async () => {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(admin.getByTestId("llm-status")).toHaveAttribute("data-configured", "false");
  await admin.getByTestId("llm-base-url").fill(FAKE_OPENAI);
  await admin.getByTestId("save-llm-settings").click();
  await expect(admin.getByTestId("llm-status")).toHaveAttribute("data-configured", "true");
  await admin.getByTestId("test-connection").click();
  await expect(admin.getByTestId("connection-result")).toHaveAttribute("data-ok", "true");
  await expect(admin.getByTestId("connection-result")).toContainText("gpt-4o-mini");
  await shot(admin, "12-settings");
  // Nothing on the page or in the API ever shows a key.
  const body = await (await admin.request.get("/api/settings/llm")).text();
  expect(body).not.toMatch(/sk-/);
});

test("the prompts page shows the default rubric", async () => {
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Prompts" }).click();
  await expect(admin.getByTestId("prompt-version-edu-v1")).toBeVisible();
  await expect(admin.getByText("{{code}}").first()).toBeVisible();
  await shot(admin, "13-prompts");
});

test("an admin starts a campaign from the UI and watches it reach 100%", async () => {
  await admin.goto("/datasets");
  await admin.getByTestId("dataset-row-e2e-upload").getByRole("link", { name: "e2e-upload" }).click();
  await expect(admin).toHaveURL(/\/datasets\/\d+$/);
  datasetId = admin.url().split("/").pop()!;
  await admin.getByTestId("label-with-llm").click();
  await expect(admin.getByTestId("campaign-dataset")).toHaveValue(datasetId);
  await admin.getByTestId("campaign-scope").selectOption("all");
  await expect(admin.getByTestId("estimate-count")).toContainText("20");
  await expect(admin.getByTestId("estimate-cost")).toContainText("$");
  await shot(admin, "14-campaign-new");
  await admin.getByTestId("start-campaign").click();

  await expect(admin).toHaveURL(/\/campaigns\/\d+$/);
  const progress = admin.getByTestId("campaign-progress");
  await expect(progress).toHaveAttribute("aria-valuenow", "100", { timeout: 45_000 });
  await expect(admin.getByTestId("campaign-status")).toHaveText(/succeeded/i);
  await expect(admin.getByTestId("campaign-labeled")).toHaveText("20");
  await expect(admin.getByTestId("campaign-failed")).toHaveText("0");
  await shot(admin, "15-campaign-done");

  await admin.getByTestId("campaign-job-link").click();
  await expect(admin.getByTestId("job-status")).toHaveText(/succeeded/i);
  await expect(admin.getByTestId("job-log")).toContainText(/attempt 1/i);
  await shot(admin, "16-job-detail");
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(admin.getByTestId("jobs-table")).toContainText("labels.campaign");
  await shot(admin, "17-jobs");
});

test("the new labels show on the spot-check page", async () => {
  await admin.goto(`/review/${datasetId}`);
  await expect(admin.getByTestId("review-code")).toBeVisible();
  await expect(admin.getByText("gpt-4o-mini · prompt edu-v1")).toBeVisible();
  await expect(admin.getByTestId("llm-rationale")).not.toBeEmpty();
  await shot(admin, "18-review-campaign-label");

  await admin.goto("/campaigns");
  await expect(admin.getByTestId("campaigns-table")).toContainText("edu-v1");
  await shot(admin, "19-campaigns");
});
