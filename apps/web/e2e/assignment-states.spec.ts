// The exercise page in the assignment states a student can meet, on the e2e-only course of
// fixtures.ts (its assignments' windows never change under the other specs): a late submission
// graded by the real grader with its penalty applied, a closed assignment and used-up attempts,
// where both the page (Submit disabled, with the reason) and the API (a clear JSON error) refuse.
import { expect, test, type Page } from "@playwright/test";
import { STATES } from "./fixtures.ts";
import { editorReady, newEnrolledStudent, replaceCode } from "./helpers.ts";

const page_ = (exercise: string) => `/courses/${STATES.courseSlug}/assignments/${exercise}`;

const DENSE_SOLUTION = `import * as tf from "@tensorflow/tfjs";

export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, w), b));
}
`;

function submitButton(page: Page) {
  return page.getByRole("button", { name: "Submit", exact: true });
}

async function assignmentId(page: Page): Promise<string> {
  const id = await page.getByTestId("workspace").getAttribute("data-assignment-id");
  expect(id).toBeTruthy();
  return id!;
}

async function ownSubmissions(page: Page, assignment: string): Promise<{ attemptNumber: number }[]> {
  const res = await page.request.get(`/api/assignments/${assignment}/submissions`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { submissions: { attemptNumber: number }[] }).submissions;
}

test("late: the page warns, asks first, and the graded score has the late penalty taken off", async ({ page }) => {
  test.setTimeout(180_000);
  await newEnrolledStudent(page, STATES.joinCode);
  await page.goto(page_(STATES.late.exercise));
  await editorReady(page);
  const assignment = await assignmentId(page);

  await expect(page.getByTestId("late-warning")).toHaveText("The due date has passed: a submission now is late and loses 25% of its score.");
  await expect(page.getByTestId("submit-blocked")).toHaveCount(0);
  await expect(submitButton(page)).toBeEnabled();

  // Submitting late asks first; saying no submits nothing.
  await replaceCode(page, DENSE_SOLUTION);
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await submitButton(page).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toBe("This submission is late: 25% will be taken off its score. Submit anyway?");
  expect(await ownSubmissions(page, assignment)).toEqual([]);

  // Saying yes submits; the real grader grades it; the score shown is the penalised one.
  page.once("dialog", (d) => void d.accept());
  const posted = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/assignments/${assignment}/submissions`));
  await submitButton(page).click();
  expect((await posted).status()).toBe(201);
  // The answer streams the grading (its body is not kept by the browser): the page names the attempt.
  const result = page.getByTestId("submission-result");
  await expect(result).toHaveAttribute("data-submission-id", /.+/);
  const id = (await result.getAttribute("data-submission-id"))!;
  expect(((await (await page.request.get(`/api/submissions/${id}`)).json()) as { isLate: boolean }).isLate).toBe(true);

  await expect(result).toHaveAttribute("data-status", "graded", { timeout: 120_000 });
  await expect(result.locator(".exercise-badge--late")).toHaveText("late");
  await expect(page.getByTestId("submission-score")).toContainText("Score: 75 / 100");
  // Full marks from the tests (raw N / N), less 25 %.
  await expect(page.getByTestId("late-penalty")).toHaveText(/^Late: 25% penalty applied \(raw (\d+) \/ \1 test points\)\.$/);
  await expect(page.getByTestId("graded-tests").locator('[data-passed="false"]')).toHaveCount(0);

  // The stored grade agrees: raw full marks, final score 75 of 100.
  const view = (await (await page.request.get(`/api/submissions/${id}`)).json()) as Record<string, unknown>;
  expect(view).toMatchObject({ status: "graded", isLate: true, score: 75, points: 100, latePenalty: 0.25 });
  expect(view.rawScore).toBe(view.maxRawScore);

  // The history and the course page show the same penalised score.
  await page.goto(`${page_(STATES.late.exercise)}/history`);
  await expect(page.getByTestId("history-item")).toHaveCount(1);
  await expect(page.getByTestId("history-item").getByTestId("late-penalty")).toBeVisible();
  await page.goto(`/courses/${STATES.courseSlug}`);
  const row = page.getByTestId("assignments").locator(`tr[data-exercise="${STATES.late.exercise}"]`);
  await expect(row).toContainText("Past due");
  await expect(row.getByTestId("best-score")).toContainText("Best: 75 / 100");
});

test("closed: Submit is disabled with the reason, and the server refuses with a JSON error", async ({ page }) => {
  await newEnrolledStudent(page, STATES.joinCode);
  await page.goto(page_(STATES.closed.exercise));
  await editorReady(page);
  const assignment = await assignmentId(page);

  const blocked = page.getByTestId("submit-blocked");
  await expect(blocked).toHaveAttribute("data-reason", "closed");
  await expect(blocked).toHaveText(/^Submissions are closed \(the deadline was .*\d{4}.*\)\.$/);
  await expect(submitButton(page)).toBeDisabled();
  // The reason is the button's accessible description, not only nearby text.
  await expect(submitButton(page)).toHaveAccessibleDescription(/Submissions are closed/);
  await expect(page.getByTestId("late-warning")).toHaveCount(0);
  // Public tests still run in the browser: the student can keep practising.
  await expect(page.getByRole("button", { name: "Run public tests" })).toBeEnabled();

  // Going around the disabled button: the API says no, clearly, and stores nothing.
  const res = await page.request.post(`/api/assignments/${assignment}/submissions`, { data: { code: "export const x = 1;\n" } });
  expect(res.status()).toBe(403);
  expect(res.headers()["content-type"]).toContain("application/json");
  expect(await res.json()).toEqual({ error: { code: "closed", message: expect.stringMatching(/^Submissions closed on \d{4}-\d\d-\d\dT[\d:.]+Z\.$/) } });
  expect(await ownSubmissions(page, assignment)).toEqual([]);

  await page.goto(`/courses/${STATES.courseSlug}`);
  await expect(page.getByTestId("assignments").locator(`tr[data-exercise="${STATES.closed.exercise}"]`)).toContainText("Closed");
});

test("attempts used up: Submit turns off with 0 attempts left, and the server refuses another", async ({ page }) => {
  await newEnrolledStudent(page, STATES.joinCode);
  await page.goto(page_(STATES.exhausted.exercise));
  await editorReady(page);
  const assignment = await assignmentId(page);

  const window_ = page.getByTestId("submit-window");
  await expect(window_).toContainText("1 of 1 attempts left");
  await expect(page.getByTestId("submit-blocked")).toHaveCount(0);
  await expect(submitButton(page)).toBeEnabled();

  // The one attempt (the starter is enough: its grade does not matter here).
  const posted = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/api/assignments/${assignment}/submissions`));
  await submitButton(page).click();
  expect((await posted).status()).toBe(201);

  // Without a reload: no attempts left, Submit off, and why.
  const blocked = page.getByTestId("submit-blocked");
  await expect(window_).toContainText("0 of 1 attempts left");
  await expect(blocked).toHaveAttribute("data-reason", "attempts_exhausted");
  await expect(blocked).toHaveText("You have used all 1 attempts.");
  await expect(submitButton(page)).toBeDisabled();

  // After a reload the server-rendered page says the same (and stays so once grading ends).
  await page.reload();
  await editorReady(page);
  await expect(window_).toContainText("0 of 1 attempts left");
  await expect(blocked).toHaveAttribute("data-reason", "attempts_exhausted");
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", /graded|failed/, { timeout: 120_000 });
  await expect(submitButton(page)).toBeDisabled();
  await expect(submitButton(page)).toHaveAccessibleDescription(/You have used all 1 attempts\./);

  const res = await page.request.post(`/api/assignments/${assignment}/submissions`, { data: { code: "export const x = 1;\n" } });
  expect(res.status()).toBe(409);
  expect(await res.json()).toEqual({ error: { code: "attempts_exhausted", message: "You have used all 1 attempts for this assignment." } });
  expect((await ownSubmissions(page, assignment)).map((s) => s.attemptNumber)).toEqual([1]);
});
