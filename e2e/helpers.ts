import { expect, type Browser, type Page } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";

export const SHOTS = path.resolve("test-results", "screenshots");
fs.mkdirSync(SHOTS, { recursive: true });

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Signs up through the real form in a fresh browser context; returns the signed-in page. */
export async function signUp(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/datasets/);
  await expect(page.getByTestId("current-user")).toContainText(email);
  return page;
}

/** Presses one key and waits until the label it gave is saved (no pending saves, no failures). */
export async function pressAndSave(page: Page, key: string) {
  const before = await page.getByTestId("snippet-id").textContent();
  await page.keyboard.press(key);
  await expect(page.getByTestId("snippet-id")).not.toHaveText(before ?? "");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-pending", "0");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-failed", "0");
  return (before ?? "").replace(/\D/g, "");
}

/** Signs in an existing account through the login form in a fresh browser context. */
export async function signIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toContainText(email);
  return page;
}
