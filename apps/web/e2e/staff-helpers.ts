// Shared steps of the staff specs.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { apiSignIn, uniqueEmail } from "./helpers.ts";

/** axe-core's WCAG 2.1 A/AA rules (as a11y.spec.ts checks them). */
export async function expectNoViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, where).toEqual([]);
}

/** Checks a page with axe in English, then in Simplified Chinese (the header's switch), then back. */
export async function expectAccessibleInBothLanguages(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expectNoViolations(page, `${path} (en)`);
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expectNoViolations(page, `${path} (zh-CN)`);
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

/** A fresh account made through sign-up, signed in on `page`. */
export async function newAccount(page: Page, name = "Test Learner"): Promise<{ email: string; password: string; name: string }> {
  const email = uniqueEmail("staff");
  const password = "correct-horse-9";
  const res = await page.request.post("/api/signup", { data: { name, email, password } });
  expect(res.status()).toBe(201);
  await apiSignIn(page, email, password);
  return { email, password, name };
}

export function uniqueSlug(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 6).toUpperCase()}`;
}
