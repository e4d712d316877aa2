// The exercise page end to end: starter, public tests in the browser, draft autosave, submit and
// live grading, score and feedback, history with a diff. Needs the grader running (playwright setup).
import { expect, test, type Page } from "@playwright/test";
import { DEMO, editorReady, newEnrolledStudent, replaceCode } from "./helpers.ts";

const EXERCISE = "dense-forward";
const PAGE = `/courses/${DEMO.courseSlug}/assignments/${EXERCISE}`;

const SOLUTION = `import * as tf from "@tensorflow/tfjs";

export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, w), b));
}
`;

const WRONG = `import * as tf from "@tensorflow/tfjs";

export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  void b;
  return tf.matMul(x, w);
}
`;

async function editorText(page: Page): Promise<string> {
  return page.locator(".cm-content").evaluate((el) => (el as HTMLElement).innerText);
}

/** Clicks Submit; the new attempt's number, as the page shows it. */
async function submit(page: Page): Promise<number> {
  // The attempt shown before, if any (read without waiting for one to appear).
  const before = await page.evaluate(() => document.querySelector('[data-testid="submission-result"]')?.getAttribute("data-submission-id") ?? null);
  const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/submissions"));
  await page.getByRole("button", { name: "Submit" }).click();
  expect((await response).status()).toBe(201);
  const result = page.getByTestId("submission-result");
  await expect(result).not.toHaveAttribute("data-submission-id", before ?? "none");
  return Number(/Attempt (\d+)/.exec((await result.textContent()) ?? "")?.[1]);
}

/** Every status the submission result shows from now on, in order (recorded in the page). */
async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __statuses: string[] };
    w.__statuses = [];
    const note = () => {
      const status = document.querySelector('[data-testid="submission-result"]')?.getAttribute("data-status");
      if (status && w.__statuses.at(-1) !== status) w.__statuses.push(status);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-status"] });
  });
  return () => page.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}

test("student runs public tests, submits, sees the grade and the history diff", async ({ page }) => {
  test.setTimeout(180_000);
  // A new student each time: a retry must not meet the first run's attempts (an identical
  // resubmission is refused as a duplicate).
  await newEnrolledStudent(page);
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await editorReady(page);
  expect(await editorText(page)).toContain("TODO");
  // Reset asks first, then brings the starter back.
  await replaceCode(page, "// scratch");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Reset to starter code" }).click();
  expect(await editorText(page)).toContain("TODO");

  // Public tests run in the browser and fail on the starter.
  await page.getByRole("button", { name: "Run public tests" }).click();
  const summary = page.getByTestId("public-summary");
  await expect(summary).toBeVisible({ timeout: 30_000 });
  await expect(summary).toHaveAttribute("data-status", "failed");
  await expect(page.getByTestId("public-tests").locator('[data-passed="false"]').first()).toBeVisible();

  // Type a correct solution: public tests pass.
  await replaceCode(page, SOLUTION);
  await page.getByRole("button", { name: "Run public tests" }).click();
  await expect(summary).toHaveAttribute("data-status", "passed", { timeout: 30_000 });
  await expect(page.getByTestId("public-tests").locator('[data-passed="false"]')).toHaveCount(0);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");

  // The draft survives a reload.
  await page.reload();
  await editorReady(page);
  expect(await editorText(page)).toContain("tf.add(tf.matMul(x, w), b)");

  // Submit and watch queued → running → graded without a reload.
  const statuses = await recordStatuses(page);
  const first = await submit(page);
  await expect(page.getByTestId("submission-status")).toBeVisible();
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", { timeout: 60_000 });
  const seen = await statuses();
  expect(["queued", "running"]).toContain(seen[0]);
  expect(seen.at(-1)).toBe("graded");
  await expect(page.getByTestId("submission-score")).toContainText("100 / 100");
  const graded = page.getByTestId("graded-tests");
  await expect(graded.locator("li").first()).toBeVisible();
  await expect(graded.locator('[data-passed="false"]')).toHaveCount(0);
  await expect(page.getByTestId("live-region")).toContainText("Graded");

  // A wrong solution gets a partial or zero score with a message saying what differed.
  await replaceCode(page, WRONG);
  const second = await submit(page);
  expect(second).toBe(first + 1);
  await expect(page.getByTestId("submission-result")).toContainText(`Attempt ${second}`);
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", { timeout: 60_000 });
  await expect(page.getByTestId("submission-score")).not.toContainText("100 / 100");
  const failed = page.getByTestId("graded-tests").locator('[data-passed="false"]').first();
  await expect(failed).toBeVisible();
  await expect(failed.locator(".exercise-test__message")).not.toBeEmpty();

  // History: both attempts, newest first, with a diff of attempt 2 against attempt 1.
  await page.getByRole("link", { name: "Submission history" }).click();
  await expect(page).toHaveURL(new RegExp(`${PAGE}/history$`));
  const items = page.getByTestId("history-item");
  await expect(items).toHaveCount(second);
  await expect(items.first()).toHaveAttribute("data-attempt", String(second));
  await expect(items.nth(1)).toHaveAttribute("data-attempt", String(first));
  const diff = items.first().getByTestId("diff");
  await expect(diff.locator('[data-op="insert"]')).toContainText(["return tf.matMul(x, w);"]);
  await expect(diff.locator('[data-op="delete"]')).toContainText(["return tf.tidy(() => tf.add(tf.matMul(x, w), b));"]);
});

test("keyboard: Escape then Tab leaves the editor; Tab inside indents", async ({ page }) => {
  await newEnrolledStudent(page);
  await page.goto(PAGE);
  const content = await editorReady(page);
  await content.click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(content).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(content).not.toBeFocused();
  const focusedInsideEditor = await page.evaluate(() => document.activeElement?.closest(".cm-editor") !== null);
  expect(focusedInsideEditor).toBe(false);
});

test("a run that never ends is stopped and the runner recovers", async ({ page }) => {
  test.setTimeout(120_000);
  await newEnrolledStudent(page);
  await page.goto(PAGE);
  await replaceCode(
    page,
    `import * as tf from "@tensorflow/tfjs";\nexport function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {\n  while (true) {}\n}\n`,
  );
  await page.getByRole("button", { name: "Run public tests" }).click();
  await expect(page.getByTestId("run-error")).toContainText("did not finish", { timeout: 40_000 });
  // The page stayed responsive and a fresh worker runs the next attempt.
  await replaceCode(page, SOLUTION);
  await page.getByRole("button", { name: "Run public tests" }).click();
  await expect(page.getByTestId("public-summary")).toHaveAttribute("data-status", "passed", { timeout: 30_000 });
});

test("phone width: no horizontal scrolling and the actions are reachable", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await newEnrolledStudent(page);
  await page.goto(PAGE);
  // The statement comes first on a phone: the editor (and its bundle) loads only when reached,
  // and until then the starter code is already there in a plain text area.
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[data-editor-ready="false"] textarea')).toHaveValue(/export/);
  // Typing into it loads the editor, and nothing typed meanwhile is lost.
  // Focus, not click: a click scrolls the area into view first, which may load the editor and
  // detach the text area before the click lands (a flaky test on a busy machine).
  const fallback = page.locator(".exercise-editor__fallback");
  await fallback.focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("// typed on a phone\n");
  await editorReady(page);
  await expect(page.locator(".cm-content")).toContainText("// typed on a phone");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Run public tests" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit" })).toBeVisible();
});

test("offline edits stay on the device and sync when the connection returns", async ({ page, context }) => {
  await newEnrolledStudent(page);
  await page.goto(PAGE);
  await editorReady(page);
  await context.setOffline(true);
  await replaceCode(page, `${SOLUTION}// typed while offline\n`);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "offline");
  const local = await page.evaluate(() => Object.entries(localStorage).find(([k]) => k.startsWith("course:draft:"))?.[1] ?? "");
  expect(local).toContain("typed while offline");
  await context.setOffline(false);
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await page.reload();
  await editorReady(page);
  expect(await editorText(page)).toContain("typed while offline");
});

test("the page follows the locale cookie (zh-CN statement and controls)", async ({ page, context, baseURL }) => {
  await newEnrolledStudent(page);
  await context.addCookies([{ name: "locale", value: "zh-CN", url: baseURL! }]);
  await page.goto(PAGE);
  await expect(page.getByRole("button", { name: "运行公开测试" })).toBeVisible();
  await expect(page.getByRole("button", { name: "提交" })).toBeVisible();
  await expect(page.locator(".exercise-statement")).toContainText(/[\u4e00-\u9fff]/);
  // The tab names the exercise in Chinese, never by its id.
  await expect(page).toHaveTitle(/^[^·]*[\u4e00-\u9fff][^·]* · 深度学习课程$/);
});
