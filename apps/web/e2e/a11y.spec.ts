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

/**
 * A lesson page once every demo on it has drawn (plots, heatmaps, controls, own-code switches) and
 * every data table is open: the parts axe cannot see while a demo waits off-screen.
 */
async function expectLessonWithDemosAccessible(page: Page, lesson: string, lang: "en" | "zh-CN") {
  await page.goto(`/courses/${DEMO.courseSlug}/lessons/${lesson}`);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  for (const slot of await page.locator("[data-demo-slot]").all()) {
    await slot.scrollIntoViewIfNeeded();
    await expect(slot.locator("section.demo figure").first()).toBeVisible({ timeout: 280_000 });
  }
  for (const details of await page.locator("details").all()) await details.evaluate((el) => ((el as HTMLDetailsElement).open = true));
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${lesson} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

const DEMO_LESSONS = ["05-convolutional-networks", "08-the-transformer", "09-generative-adversarial-networks", "10-data-training-and-evaluation", "11-building-blocks-with-tfjs", "12-interpretability-and-deployment"];

test("the lessons with the heavier demos (5, 8, 9–12) pass axe's WCAG A/AA checks with their demos drawn, in both languages", async ({ page }) => {
  test.setTimeout(1_200_000);
  await newEnrolledStudent(page);
  for (const lesson of DEMO_LESSONS) await expectLessonWithDemosAccessible(page, lesson, "en");
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  for (const lesson of DEMO_LESSONS) await expectLessonWithDemosAccessible(page, lesson, "zh-CN");
});
