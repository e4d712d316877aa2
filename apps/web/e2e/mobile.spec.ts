import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./helpers.ts";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("at phone width: sign up, join the course, read a lesson and mark it done", async ({ page }) => {
  await page.goto("/signup");
  await expectNoSidewaysScroll(page);
  await page.getByLabel("Name").fill("Phone Learner");
  await page.getByLabel("Email").fill(`phone-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("pocket-sized-42");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/my$/);

  await page.getByLabel("Join code").fill(DEMO.joinCode);
  await page.getByRole("button", { name: "Join course" }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${DEMO.courseSlug}$`));
  await expectNoSidewaysScroll(page);
  await expect(page.getByTestId("assignments").locator("tbody tr").first()).toBeVisible();

  await page.getByTestId("lesson-list").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Tensors and the neuron" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.getByRole("button", { name: "Mark as done" }).click();
  await expect(page.getByTestId("lesson-status")).toHaveText("Done");
});
