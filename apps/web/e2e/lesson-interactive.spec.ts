// The interactive parts of a lesson: demos computed in the worker (with the reader's own code),
// self-check questions remembered with progress, runnable samples, and a GET that writes nothing.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, newEnrolledStudent, replaceCode } from "./helpers.ts";

const LESSON = (slug: string) => `/courses/${DEMO.courseSlug}/lessons/${slug}`;
const solution = (id: string) => readFileSync(new URL(`../../../exercises/${id}/solution.ts`, import.meta.url), "utf8");

/** Submits `code` to an exercise from its page (graded or not, it becomes the latest submission). */
async function submitExercise(page: Page, exerciseId: string, code: string): Promise<void> {
  await page.goto(`/courses/${DEMO.courseSlug}/assignments/${exerciseId}`);
  await replaceCode(page, code);
  // An earlier attempt is graded first (the button waits for it).
  await expect(page.getByRole("button", { name: "Submit" })).toBeEnabled({ timeout: 60_000 });
  const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/submissions"));
  await page.getByRole("button", { name: "Submit" }).click();
  expect((await response).status()).toBe(201);
}

function demo(page: Page, name: string) {
  return page.locator(`section.demo[data-demo="${name}"]`);
}

test("rendering a lesson writes nothing; the page records the visit with a JSON POST", async ({ page }) => {
  await newEnrolledStudent(page);
  // A plain GET (a prefetch, a crawler) leaves the lesson not started.
  expect((await page.request.get(LESSON("03-backpropagation"))).status()).toBe(200);
  await page.goto(`/courses/${DEMO.courseSlug}`);
  const third = page.locator(`li[data-lesson="03-backpropagation"]`);
  await expect(third).toHaveAttribute("data-status", "not_started");
  const posted = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/api/progress"));
  await page.goto(LESSON("03-backpropagation"));
  const request = await posted;
  expect(request.headers()["content-type"]).toContain("application/json");
  await expect(page.getByTestId("lesson-status")).toHaveText("In progress");
});

test("the neuron demo computes its curves in the worker when scrolled into view", async ({ page }) => {
  await newEnrolledStudent(page);
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto(LESSON(DEMO.firstLesson));
  const slot = page.locator('[data-demo-slot="neuron"]');
  // Lazy: nothing runs before the demo comes near the viewport.
  await expect(slot.getByText("The demo starts when you scroll to it…")).toBeVisible();
  expect(workers).toEqual([]);
  await slot.scrollIntoViewIfNeeded();
  const d = demo(page, "neuron");
  await expect(d).toHaveAttribute("data-status", "done", { timeout: 30_000 });
  const chart = d.getByTestId("demo-chart");
  await expect(chart).toHaveAttribute("data-points", "121");
  await expect(chart).toHaveAttribute("data-series", "2");
  // The text alternative: a summary and the data as a table.
  await expect(chart.locator("figcaption")).toContainText("sigmoid goes from 0.002 at x = -6 to 0.998 at x = 6");
  await chart.getByText("Data as a table").click();
  await expect(chart.locator(".demo-table tbody tr")).toHaveCount(24);
  // A control re-runs it.
  await d.getByLabel("Activation").selectOption("relu");
  await expect(chart.locator("figcaption")).toContainText("relu goes from 0.000 at x = -6 to 6.000 at x = 6");
  expect(workers.some((u) => u.includes("demo"))).toBe(true);
});

test("your code in the demo: a correct submission matches, a wrong one shows and is explained", async ({ page }) => {
  test.setTimeout(120_000);
  await newEnrolledStudent(page);
  await page.goto(LESSON(DEMO.firstLesson));
  await page.locator('[data-demo-slot="neuron"]').scrollIntoViewIfNeeded();
  const d = demo(page, "neuron");
  // Nothing submitted yet: the switch says so and the reference keeps running.
  await d.getByLabel("Use my latest submission of activations").check();
  await expect(d.getByTestId("own-code-activations")).toContainText("You have not submitted activations yet");

  await submitExercise(page, "activations", solution("activations"));
  await page.goto(LESSON(DEMO.firstLesson));
  await page.locator('[data-demo-slot="neuron"]').scrollIntoViewIfNeeded();
  await d.getByLabel("Use my latest submission of activations").check();
  await expect(d.getByTestId("own-code-activations")).toContainText("Running your attempt 1 of activations");
  await expect(d.getByTestId("own-check")).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
  await expect(d.getByTestId("demo-chart")).toHaveAttribute("data-series", "4");

  // A classic slip: the sigmoid's derivative without the (1 - s) factor.
  const wrong = solution("activations").replace("return tf.mul(s, tf.sub(1, s));", "return s;");
  expect(wrong).not.toBe(solution("activations"));
  await submitExercise(page, "activations", wrong);
  await page.goto(LESSON(DEMO.firstLesson));
  await page.locator('[data-demo-slot="neuron"]').scrollIntoViewIfNeeded();
  await d.getByLabel("Use my latest submission of activations").check();
  await expect(d.getByTestId("own-code-activations")).toContainText("Running your attempt 2 of activations");
  const check = d.getByTestId("own-check");
  await expect(check).toHaveAttribute("data-ok", "false", { timeout: 30_000 });
  await expect(check).toContainText("differs from the reference by up to");
  await expect(d).toHaveAttribute("data-status", "done");
  await expect(d.getByTestId("demo-chart")).toHaveAttribute("data-points", "121");

  // One that throws stops the demo with an explanation, never a crash.
  await submitExercise(page, "activations", solution("activations").replace("return tf.sub(1, tf.square(tanh(x)));", 'throw new Error("not done yet");'));
  await page.goto(LESSON(DEMO.firstLesson));
  await page.locator('[data-demo-slot="neuron"]').scrollIntoViewIfNeeded();
  await d.getByLabel("Activation").selectOption("tanh");
  await d.getByLabel("Use my latest submission of activations").check();
  await expect(d.getByTestId("demo-status")).toContainText("Your activations threw an error, so the demo stopped", { timeout: 30_000 });
  await expect(d.getByTestId("demo-status")).toContainText("not done yet");
  await d.getByLabel("Use my latest submission of activations").uncheck();
  await expect(d).toHaveAttribute("data-status", "done", { timeout: 30_000 });
});

test("a self-check question is checked in the page, explained, and remembered", async ({ page }) => {
  await newEnrolledStudent(page);
  await page.goto(LESSON(DEMO.firstLesson));
  const quiz = page.locator('form[data-quiz="dense-shape"]');
  await quiz.getByRole("button", { name: "Check" }).click();
  await expect(quiz.getByTestId("quiz-feedback")).toHaveText("Pick an answer first.");
  await quiz.getByLabel("[32, 10]").check();
  await quiz.getByRole("button", { name: "Check" }).click();
  await expect(quiz.getByTestId("quiz-feedback")).toContainText("Not quite.");
  await quiz.getByLabel("[32, 4]").check();
  await quiz.getByRole("button", { name: "Check" }).click();
  await expect(quiz.getByTestId("quiz-feedback")).toContainText("Correct.");
  await expect(quiz.getByTestId("quiz-feedback")).toContainText("Your answer is saved with your progress.");

  const numeric = page.locator('form[data-quiz="sigmoid-slope"]');
  await numeric.getByLabel("Your answer (a number)").fill("0.25");
  await numeric.getByRole("button", { name: "Check" }).click();
  await expect(numeric.getByTestId("quiz-feedback")).toContainText("Correct.");
  await expect(numeric.getByTestId("quiz-feedback")).toContainText("saved");

  await page.reload();
  await expect(quiz.getByLabel("[32, 4]")).toBeChecked();
  await expect(quiz.getByTestId("quiz-feedback")).toContainText("Correct.");
  await expect(numeric.getByLabel("Your answer (a number)")).toHaveValue("0.25");
});

test("a code sample runs in a worker and shows its output next to the expected one", async ({ page }) => {
  await newEnrolledStudent(page);
  await page.goto(LESSON(DEMO.firstLesson));
  const sample = page.locator('[data-sample="0"]');
  await sample.getByRole("button", { name: "Run" }).click();
  await expect(sample.getByTestId("sample-output")).toHaveText("[2, 3] float32", { timeout: 30_000 });
  await expect(sample.getByText("The output matches the expected output.")).toBeVisible();
});
