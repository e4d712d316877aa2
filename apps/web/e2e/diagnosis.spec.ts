// A failing submission's diagnosis, where the student looks: the dense-forward without its bias
// gets the bias hint (in English and in Chinese), the result is scrolled into view and focused,
// the page passes axe; the instructor's gradebook counts the diagnosis.
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { apiSignIn, DEMO, editorReady, newEnrolledStudent, replaceCode } from "./helpers.ts";

const hints = JSON.parse(readFileSync(join(import.meta.dirname, "../../../exercises/dense-forward/mutants/hints.json"), "utf8")) as Record<string, { en: string; "zh-CN": string }>;
const NO_BIAS = 'import * as tf from "@tensorflow/tfjs";\nexport function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) {\n  void b;\n  return tf.matMul(x, w);\n}\n';

async function expectNoViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  const results = await (include === undefined ? builder : builder.include(include)).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function submitWithoutBias(page: Page, submit: string): Promise<void> {
  await page.goto(`/courses/${DEMO.courseSlug}/assignments/dense-forward`);
  await editorReady(page);
  await replaceCode(page, NO_BIAS);
  await page.getByRole("button", { name: submit, exact: true }).click();
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", { timeout: 90_000 });
}

test("the bias-less dense-forward gets the bias hint; the result is scrolled to, focused and accessible", async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await newEnrolledStudent(page);
  await submitWithoutBias(page, "Submit");
  const diagnoses = page.getByTestId("diagnoses");
  await expect(diagnoses.locator('[data-key="mutant.no-bias"]')).toContainText(hints["no-bias"]!.en, { timeout: 60_000 });
  await expect(diagnoses).toHaveAttribute("aria-live", "polite");
  // Scrolled into view and announced: the result's heading has the focus and is on screen.
  const status = page.locator(".exercise-result__status");
  await expect(status).toBeFocused();
  await expect(status).toBeInViewport();
  await expectNoViolations(page);

  // The instructor sees how often it fired on the assignment.
  await apiSignIn(page, DEMO.instructor.email, DEMO.instructor.password);
  await page.goto(`/courses/${DEMO.courseSlug}/gradebook`);
  const summary = page.getByTestId("diagnosis-summary");
  await expect(summary.locator('[data-key="mutant.no-bias"]').first()).toContainText(hints["no-bias"]!.en);
  await expectNoViolations(page);
});

test("the bias hint reads in Chinese, on a phone", async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await newEnrolledStudent(page);
  await context.addCookies([{ name: "locale", value: "zh-CN", url: baseURL! }]);
  await submitWithoutBias(page, "提交");
  const hint = page.getByTestId("diagnoses").locator('[data-key="mutant.no-bias"]');
  await expect(hint).toContainText(hints["no-bias"]!["zh-CN"], { timeout: 60_000 });
  await expect(page.getByTestId("diagnoses")).toContainText("从你的输出看出的问题");
  // Nothing sticks out sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // The result itself (the statement's wide formulas are another matter on a phone).
  await expectNoViolations(page, '[data-testid="submission-result"]');
});
