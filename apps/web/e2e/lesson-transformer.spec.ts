// Lesson 8's tiny Transformer learning to reverse sequences: its loss falls, its attention heads
// become the anti-diagonal (read from the heatmaps' data tables), Stop and Train again work, and the
// reader's own multiHeadAttention scores the same weights (a correct one matches, a wrong one is
// flagged and stays behind).
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, newEnrolledStudent, replaceCode } from "./helpers.ts";

const LESSON = `/courses/${DEMO.courseSlug}/lessons/08-the-transformer`;
const SWITCH = "Use my latest submission of multi-head-attention";
const solution = readFileSync(new URL("../../../exercises/multi-head-attention/solution.ts", import.meta.url), "utf8");

async function open(page: Page): Promise<Locator> {
  await page.goto(LESSON);
  await page.locator('[data-demo-slot="transformer-reverse"]').scrollIntoViewIfNeeded();
  return page.locator('section.demo[data-demo="transformer-reverse"]');
}

/** The numbers of a chart's or heatmap's data table (rows of cells after the row header; not uPlot's legend). */
async function tableOf(figure: Locator): Promise<number[][]> {
  return figure.locator(".demo-table tbody tr").evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => Number(td.textContent))));
}

async function submit(page: Page, code: string): Promise<void> {
  await page.goto(`/courses/${DEMO.courseSlug}/assignments/multi-head-attention`);
  await replaceCode(page, code);
  await expect(page.getByRole("button", { name: "Submit" })).toBeEnabled({ timeout: 60_000 });
  const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/submissions"));
  await page.getByRole("button", { name: "Submit" }).click();
  expect((await response).status()).toBe(201);
}

test("the Transformer learns to reverse: loss falls, and its heads' attention becomes the anti-diagonal", async ({ page }) => {
  test.setTimeout(240_000);
  await newEnrolledStudent(page);
  const d = await open(page);
  await expect(d).toHaveAttribute("data-status", "done", { timeout: 180_000 });
  console.log(`[demo timing] transformer-reverse: ${await d.getByTestId("demo-status").textContent()}`);
  const [loss, accuracy] = [d.getByTestId("demo-chart").nth(0), d.getByTestId("demo-chart").nth(1)];
  await expect(loss).toHaveAttribute("data-points", "21"); // steps 0, 10, …, 190 and 199
  const lossRows = await tableOf(loss); // [training loss, held-out loss] per snapshot
  expect(lossRows.at(-1)![1]).toBeLessThan(lossRows[0]![1]! / 10);
  expect((await tableOf(accuracy)).at(-1)![0]).toBeGreaterThan(0.95);
  // Two heads of 6×6 weights on the example; rows sum to one, and some head's every row peaks on the mirrored position.
  const heads = d.getByTestId("demo-heatmap");
  await expect(heads).toHaveCount(2);
  const mirrored: number[] = [];
  for (const head of await heads.all()) {
    await expect(head).toHaveAttribute("data-rows", "6");
    await expect(head).toHaveAttribute("data-cols", "6");
    const w = await tableOf(head);
    for (const row of w) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);
    mirrored.push(w.filter((row, i) => row.indexOf(Math.max(...row)) === 5 - i).length);
    await expect(head.locator("figcaption")).toContainText("output positions put their largest weight on the mirrored input position");
  }
  expect(Math.max(...mirrored)).toBe(6);
  await expect(d.getByTestId("transformer-example")).toContainText("→ the model writes");

  // Four heads on sequences of 4: one 4×4 map each. Stop keeps what was drawn; the same button trains again.
  await d.getByLabel("Attention heads").selectOption("4");
  await d.getByLabel("Sequence length").fill("4");
  await expect(heads).toHaveCount(4, { timeout: 60_000 });
  await expect(heads.first()).toHaveAttribute("data-rows", "4");
  const toggle = d.getByTestId("transformer-toggle");
  await expect(toggle).toHaveText("Stop");
  await toggle.click();
  await expect(d).toHaveAttribute("data-status", "stopped");
  await expect(d.getByTestId("demo-status")).toHaveText("Stopped.");
  await expect(heads).toHaveCount(4);
  // The same button, still focused, trains again.
  await expect(toggle).toHaveText("Train again");
  await expect(toggle).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveText("Stop");
  await expect(d).toHaveAttribute("data-status", "done", { timeout: 180_000 });
  await expect(toggle).toHaveText("Train again");
});

test("your multiHeadAttention in the Transformer: a correct one matches the reference, one without the transpose is flagged", async ({ page }) => {
  test.setTimeout(300_000);
  await newEnrolledStudent(page);
  await submit(page, solution);
  let d = await open(page);
  await d.getByLabel(SWITCH).check();
  await expect(d.getByTestId("own-check")).toHaveAttribute("data-ok", "true", { timeout: 60_000 });
  await expect(d).toHaveAttribute("data-status", "done", { timeout: 180_000 });
  const accuracy = d.getByTestId("demo-chart").nth(1);
  await expect(accuracy).toHaveAttribute("data-series", "3");
  const good = (await tableOf(accuracy)).at(-1)!; // [letters right, sequences right, letters right with yours]
  expect(good[2]).toBeCloseTo(good[0]!, 3);

  // Heads merged without transposing back: same shape, wrong numbers.
  const wrong = solution.replace("tf.transpose(tf.reshape(heads, [bsz, numHeads, t, dk]), [0, 2, 1, 3])", "tf.reshape(heads, [bsz, numHeads, t, dk])");
  expect(wrong).not.toBe(solution);
  await submit(page, wrong);
  d = await open(page);
  await d.getByLabel(SWITCH).check();
  const check = d.getByTestId("own-check");
  await expect(check).toHaveAttribute("data-ok", "false", { timeout: 60_000 });
  await expect(check).toContainText("differs from the reference by up to");
  await expect(d).toHaveAttribute("data-status", "done", { timeout: 180_000 });
  const bad = (await tableOf(d.getByTestId("demo-chart").nth(1))).at(-1)!;
  expect(bad[0]).toBeGreaterThan(0.95);
  expect(bad[2]).toBeLessThan(0.6);
});
