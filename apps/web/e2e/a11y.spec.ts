import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { GRADEBOOK } from "./fixtures.ts";
import { apiSignIn, DEMO, newEnrolledStudent } from "./helpers.ts";

/** axe-core's WCAG 2.1 A/AA rules; reports violations with the offending selectors. */
async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}

test("public pages pass axe's WCAG A/AA checks", async ({ page }) => {
  for (const path of ["/", "/courses", "/signin", "/signup"]) {
    await page.goto(path);
    await expectNoViolations(page);
  }
});

test("learner pages pass axe's WCAG A/AA checks, in both languages", async ({ page }) => {
  await newEnrolledStudent(page);
  for (const path of ["/my", `/courses/${DEMO.courseSlug}`, `/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`]) {
    await page.goto(path);
    await expectNoViolations(page);
  }
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expectNoViolations(page);
});

test("the gradebook passes axe's WCAG A/AA checks (full, small, and without students)", async ({ page }) => {
  await apiSignIn(page, DEMO.instructor.email, DEMO.instructor.password);
  for (const slug of [DEMO.courseSlug, GRADEBOOK.courseSlug, GRADEBOOK.emptyCourseSlug]) {
    await page.goto(`/courses/${slug}/gradebook`);
    await expectNoViolations(page);
  }
});
