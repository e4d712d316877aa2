// The interactive parts of a lesson: demos computed in the worker (with the reader's own code),
// self-check questions remembered with progress, runnable samples, and a GET that writes nothing.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
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

/** Each demo on its lesson: what its plots must show once computed (a chart's points, a heatmap's size). */
const DEMOS: { lesson: string; name: string; charts?: string; heatmaps?: string[] }[] = [
  { lesson: "02-losses-and-gradient-descent", name: "gradient-descent", charts: "40", heatmaps: ["31x31"] },
  { lesson: "03-backpropagation", name: "xor-mlp", charts: "61", heatmaps: ["25x25"] },
  { lesson: "04-optimisers", name: "optimizer-race", charts: "150", heatmaps: ["16x48"] },
  { lesson: "06-recurrent-networks", name: "lstm-unrolled", heatmaps: ["4x10", "4x10", "4x10"] },
  { lesson: "07-attention", name: "attention-heatmap", heatmaps: ["11x11"] },
  { lesson: "08-the-transformer", name: "positional-encoding", heatmaps: ["32x32", "32x32"] },
];

for (const { lesson, name, charts, heatmaps = [] } of DEMOS) {
  test(`the ${name} demo of ${lesson} produces its plot data`, async ({ page }) => {
    await newEnrolledStudent(page);
    await page.goto(LESSON(lesson));
    await page.locator(`[data-demo-slot="${name}"]`).scrollIntoViewIfNeeded();
    const d = demo(page, name);
    await expect(d).toHaveAttribute("data-status", "done", { timeout: 60_000 });
    if (charts !== undefined) await expect(d.getByTestId("demo-chart").first()).toHaveAttribute("data-points", charts);
    const maps = d.getByTestId("demo-heatmap");
    await expect(maps).toHaveCount(heatmaps.length);
    for (const [i, size] of heatmaps.entries()) {
      const [rows, cols] = size.split("x");
      await expect(maps.nth(i)).toHaveAttribute("data-rows", rows ?? "");
      await expect(maps.nth(i)).toHaveAttribute("data-cols", cols ?? "");
    }
    // Every plot says in words what it shows.
    for (const caption of await d.locator("figcaption").all()) await expect(caption).not.toBeEmpty();
  });
}

test("your code in the attention demo: the right softmax matches, one over the wrong axis is flagged", async ({ page }) => {
  test.setTimeout(150_000);
  await newEnrolledStudent(page);
  const d = demo(page, "attention-heatmap");
  const open = async () => {
    await page.goto(LESSON("07-attention"));
    await page.locator('[data-demo-slot="attention-heatmap"]').scrollIntoViewIfNeeded();
    await d.getByLabel("Use my latest submission of scaled-dot-product-attention").check();
  };
  await submitExercise(page, "scaled-dot-product-attention", solution("scaled-dot-product-attention"));
  await open();
  await expect(d.getByTestId("own-check")).toHaveAttribute("data-ok", "true", { timeout: 30_000 });
  const wrong = solution("scaled-dot-product-attention").replaceAll("-1, true", "1, true");
  expect(wrong).not.toBe(solution("scaled-dot-product-attention"));
  await submitExercise(page, "scaled-dot-product-attention", wrong);
  await open();
  await expect(d.getByTestId("own-check")).toHaveAttribute("data-ok", "false", { timeout: 30_000 });
  await expect(d.getByTestId("demo-heatmap")).toHaveAttribute("data-rows", "11");
});

test("lesson pages with their demos, quizzes and samples pass axe's WCAG A/AA checks, in both languages", async ({ page }) => {
  test.setTimeout(120_000);
  await newEnrolledStudent(page);
  for (const lesson of [DEMO.firstLesson, "04-optimisers", "07-attention"]) {
    await page.goto(LESSON(lesson));
    for (const slot of await page.locator("[data-demo-slot]").all()) await slot.scrollIntoViewIfNeeded();
    await expect(page.locator("section.demo[data-status=done]")).toHaveCount(await page.locator("[data-demo-slot]").count(), { timeout: 60_000 });
    await page.locator("[data-sample]").first().getByRole("button", { name: "Run" }).click();
    await expect(page.getByTestId("sample-output").first()).toBeVisible({ timeout: 30_000 });
    for (const details of await page.locator("details").all()) await details.evaluate((el) => ((el as HTMLDetailsElement).open = true));
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(results.violations.map((v) => `${lesson} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  for (const slot of await page.locator("[data-demo-slot]").all()) await slot.scrollIntoViewIfNeeded();
  await expect(page.locator("section.demo[data-status=done]")).toHaveCount(1, { timeout: 60_000 });
  const zh = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(zh.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
