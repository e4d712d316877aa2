// The instructor's gradebook on the e2e-only courses of fixtures.ts, whose students and scores are
// known: titled columns numbered and grouped by lesson, per-student totals, per-exercise counts
// and averages, the viewer's language, the CSV download, and the empty state.
import { expect, test, type Locator } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { DEMO, apiSignIn } from "./helpers.ts";
import { GRADEBOOK } from "./fixtures.ts";

const PAGE = `/courses/${GRADEBOOK.courseSlug}/gradebook`;

function cells(row: Locator) {
  return row.locator("td");
}

/** What a reader sees in each cell (innerText: a figure and its note on the next line read as "a b"). */
const seen = { useInnerText: true } as const;

test.beforeEach(async ({ page }) => {
  await apiSignIn(page, DEMO.instructor.email, DEMO.instructor.password);
});

test("titled, lesson-grouped columns with per-student totals and per-exercise averages", async ({ page }) => {
  const res = await page.goto(PAGE);
  expect(res?.status()).toBe(200);
  const table = page.getByRole("table", { name: `Gradebook: ${GRADEBOOK.courseTitle}` });
  await expect(table).toBeVisible();
  await expect(page.getByTestId("gradebook-legend")).toContainText("3 students, 3 assignments.");

  // Lesson groups, then each exercise numbered within its lesson and headed with its title.
  await expect(table.getByTestId("gradebook-lesson")).toHaveText(["Lesson 1 Tensors and the neuron", "Lesson 2 Losses and gradient descent"]);
  await expect(table.getByTestId("gradebook-lesson").first()).toHaveAttribute("colspan", "2");
  const heads = table.locator("thead th[data-exercise]");
  await expect(heads).toHaveText(["1.1 A dense layer, forward", "1.2 Activation functions and their derivatives", "2.1 A numerically stable softmax"]);
  await expect(heads.first()).toHaveAttribute("title", "1.1 · A dense layer, forward (100 points)");
  for (const head of await heads.all()) await expect(head).toHaveAttribute("scope", "col");
  await expect(table.getByRole("columnheader", { name: "dense-forward", exact: true })).toHaveCount(0);

  // Students by name; best score per exercise (Ada's 100 beats her 40) with the attempts charged;
  // a dash (read as words) where none.
  const rows = table.locator("tbody tr");
  await expect(rows.locator("th[scope=row]")).toHaveText([/^Ada Lovelace/, /^Alan Turing/, /^Grace Hopper/]);
  await expect(cells(rows.nth(0))).toHaveText(["100 2 att.", "80 1 att.", /no graded attempt/, "180 of 300 60%"], seen);
  await expect(cells(rows.nth(1))).toHaveText([/no graded attempt/, /no graded attempt/, /no graded attempt/, "0 of 300 0%"], seen);
  await expect(cells(rows.nth(2))).toHaveText(["55 1 att.", /no graded attempt/, "90 1 att.", "145 of 300 48%"], seen);
  await expect(table.getByTestId("gradebook-policy").locator("td")).toHaveText(["Best attempt", "Best attempt", "Best attempt", ""]);

  // Footer: how many students have a score, and their average, per exercise and for the totals.
  await expect(table.getByTestId("gradebook-submitted").locator("th")).toHaveText("Students with a score");
  await expect(cells(table.getByTestId("gradebook-submitted"))).toHaveText(["2 of 3", "1 of 3", "1 of 3", "2 of 3"], seen);
  await expect(cells(table.getByTestId("gradebook-average"))).toHaveText(["77.5", "80", "90", "162.5 of 300"], seen);
});

test("headings follow the viewer's language", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "locale", value: "zh-CN", url: baseURL! }]);
  await page.goto(PAGE);
  const table = page.getByRole("table", { name: `成绩册: ${GRADEBOOK.courseTitle}` });
  await expect(table.getByTestId("gradebook-lesson")).toHaveText(["第 1 课 张量与神经元", "第 2 课 损失函数与梯度下降"]);
  await expect(table.locator("thead th[data-exercise]")).toHaveText(["1.1 全连接层的前向计算", "1.2 激活函数及其导数", "2.1 数值稳定的 softmax"]);
  await expect(table.getByTestId("gradebook-average").locator("th")).toHaveText("这些学生的平均分");
});

test("the CSV download holds the same best scores", async ({ page }) => {
  await page.goto(PAGE);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${GRADEBOOK.courseSlug}-gradebook.csv`);
  const text = await readFile((await file.path())!, "utf8");
  // A UTF-8 byte order mark first, so spreadsheets read Chinese names correctly.
  expect(text).toBe(
    [
      "\uFEFFname,email,dense-forward,activations,softmax,total",
      "Ada Lovelace,ada.gradebook@example.com,100,80,,180",
      "Alan Turing,alan.gradebook@example.com,,,,0",
      "Grace Hopper,grace.gradebook@example.com,55,,90,145",
      "",
    ].join("\r\n"),
  );
});

test("a course without students shows an empty state and still offers the CSV", async ({ page }) => {
  const res = await page.goto(`/courses/${GRADEBOOK.emptyCourseSlug}/gradebook`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 2, name: "No students enrolled yet" })).toBeVisible();
  await expect(page.getByText("Students appear here once they join the course with a join code.")).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Download CSV" })).toHaveAttribute("href", `/courses/${GRADEBOOK.emptyCourseSlug}/gradebook/csv`);
  const csv = await page.request.get(`/courses/${GRADEBOOK.emptyCourseSlug}/gradebook/csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toBe("\uFEFFname,email,dense-forward,activations,softmax,total\r\n");
});

test("at phone width only the table scrolls sideways, under a student column that stays put", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const region = page.getByRole("region", { name: `Gradebook: ${GRADEBOOK.courseTitle}` });
  const grace = page.getByRole("rowheader", { name: /Grace Hopper/ });
  // Bring the bottom of the table into view (vertically only: the page has no sideways scroll).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(grace).toBeInViewport();
  const before = (await grace.boundingBox())!;
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeGreaterThan(0);
  await region.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
  });
  await expect(page.getByRole("cell", { name: "145 of 300 48%" })).toBeInViewport();
  expect(Math.abs((await grace.boundingBox())!.x - before.x)).toBeLessThan(1);
});
