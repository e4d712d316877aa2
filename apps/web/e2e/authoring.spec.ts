// Exercise authoring in the browser, end to end with the real grader:
// 1. an instructor creates a ReLU exercise from the template, writes every part with its tests and
//    two mutants, checks it on the grader, previews it as a student, publishes it and assigns it;
// 2. a student solves it and is graded;
// 3. the instructor edits its hidden tests and publishes again: the student's earlier grade still
//    shows the version it was graded with.
// Then: students and anonymous callers never reach drafts, tests, references or mutants.
import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { apiSignIn, createInstructorWithCli, editorReady, newEnrolledStudent, replaceCode, uniqueEmail } from "./helpers.ts";

const SLUG = `relu-${randomUUID().slice(0, 6)}`;
// A course of its own, so the exercises written here change no other spec's course.
const COURSE_SLUG = `authoring-${randomUUID().slice(0, 8)}`;
const COURSE = `/courses/${COURSE_SLUG}`;
const JOIN_CODE = `AUTH-${randomUUID().slice(0, 6).toUpperCase()}`;
const INSTRUCTOR = { email: uniqueEmail("author"), password: "author-pass-2026" };

/** An instructor made with the admin CLI, teaching a new course that students join with JOIN_CODE. */
async function instructorWithCourse(page: Page): Promise<void> {
  createInstructorWithCli({ ...INSTRUCTOR, name: "Ada Author" });
  await apiSignIn(page, INSTRUCTOR.email, INSTRUCTOR.password);
  const course = await page.request.post("/api/courses", {
    data: {
      slug: COURSE_SLUG,
      title: "Authoring course",
      description: "Exercises written in the browser.",
      language: "en",
      published: false,
    },
  });
  expect(course.status(), await course.text()).toBeLessThan(300);
  const code = await page.request.post(`/api/courses/${COURSE_SLUG}/join-codes`, {
    data: { code: JOIN_CODE, role: "student", validDays: "30", maxUses: "100" },
  });
  expect(code.status(), await code.text()).toBeLessThan(300);
}
const MARK_TESTS = "SECRET-TESTS-MARKER-7f3a";
const MARK_SOLUTION = "SECRET-SOLUTION-MARKER-91c2";
const MARK_MUTANT = "SECRET-MUTANT-MARKER-c4d8";
const HIDDEN_CASE = "only negative entries";

const files = {
  "exercise.json": JSON.stringify(
    {
      id: SLUG,
      lesson: 1,
      order: 99,
      title: { en: "ReLU forward pass", "zh-CN": "ReLU 前向传播" },
      exports: ["reluForward"],
      bans: ["relu"],
    },
    null,
    2,
  ),
  "statement.en.md":
    "# ReLU forward pass\n\nImplement `reluForward(x: Tensor): Tensor`, the rectified linear unit applied elementwise: every negative entry of `x` becomes zero and every other entry stays as it is, so $\\mathrm{relu}(x) = \\max(x, 0)$. The input is a non-empty 2-D tensor of any shape; return a tensor of the same shape. Do not call `tf.relu`.\n",
  "statement.zh-CN.md":
    "# ReLU 前向传播\n\n实现 `reluForward(x: Tensor): Tensor`，逐元素计算修正线性单元：`x` 中每个负数变成零，其余元素保持不变，即 $\\mathrm{relu}(x) = \\max(x, 0)$。输入是任意形状的非空二维张量，返回同样形状的张量。不要调用 `tf.relu`，请用基本的张量运算自己实现它。ReLU 是深度学习中最常用的激活函数之一，它让网络可以表示非线性的函数。\n",
  "starter.ts":
    'import * as tf from "@tensorflow/tfjs";\n\nexport function reluForward(x: tf.Tensor): tf.Tensor {\n  throw new Error("not implemented yet");\n}\n',
  "solution.ts": `import * as tf from "@tensorflow/tfjs";\n\n// ${MARK_SOLUTION}\nexport function reluForward(x: tf.Tensor): tf.Tensor {\n  return tf.maximum(x, 0);\n}\n`,
  "alternatives/other-style.ts":
    'import * as tf from "@tensorflow/tfjs";\n\nexport function reluForward(x: tf.Tensor): tf.Tensor {\n  return tf.where(tf.greater(x, 0), x, tf.zerosLike(x));\n}\n',
  "tests.ts": testsSource(false),
  "tests.zh-CN.json": JSON.stringify(
    { "random matrix": "随机矩阵", [HIDDEN_CASE]: "只有负数" },
    null,
    2,
  ),
  "mutants/typical-mistake.ts": `import * as tf from "@tensorflow/tfjs";\n\n// ${MARK_MUTANT}\nexport function reluForward(x: tf.Tensor): tf.Tensor {\n  return tf.clone(x);\n}\n`,
  "mutants/absolute-value.ts":
    'import * as tf from "@tensorflow/tfjs";\n\nexport function reluForward(x: tf.Tensor): tf.Tensor {\n  return tf.abs(x);\n}\n',
  "mutants/hints.json": JSON.stringify(
    {
      "typical-mistake": {
        en: "You return the input unchanged: negative entries must become zero.",
        "zh-CN": "你原样返回了输入：负数元素必须变成零。",
      },
      "absolute-value": {
        en: "You flip the sign of negative entries instead of setting them to zero.",
        "zh-CN": "你把负数变成了它的相反数，而不是变成零。",
      },
    },
    null,
    2,
  ),
};

function testsSource(withExtraCase: boolean): string {
  const extra = withExtraCase
    ? `\n    edgeCase("zeros and negatives", (rng) => ({ x: tf.minimum(rng.normal([4, 3]), 0) })),`
    : "";
  return `import * as tf from "@tensorflow/tfjs";
import { call, defineTests, edgeCase, nonEmpty, randomCase } from "@course/exercise-kit";

// ${MARK_TESTS}
interface Inputs {
  x: tf.Tensor;
}

export default defineTests<Inputs>({
  run: (i) => call("reluForward", i.x),
  expected: (i) => tf.maximum(i.x, tf.zerosLike(i.x)),
  domain: (i) => nonEmpty({ x: i.x }),
  cases: [
    randomCase("random matrix", (rng) => ({ x: rng.normal([rng.int(1, 5), rng.int(1, 5)]) }), { visibility: "public" }),
    edgeCase(${JSON.stringify(HIDDEN_CASE)}, (rng) => ({ x: tf.neg(tf.abs(rng.normal([3, 4]))) })),${extra}
  ],
});
`;
}

/** Opens a part's tab (and one of its files) and replaces that file's text. */
async function writeFile(page: Page, tab: string, file: string, text: string): Promise<void> {
  await page.getByRole("tab", { name: tab }).click();
  const picker = page.getByRole("button", { name: file, exact: true });
  if (await picker.count()) await picker.click();
  await expect(page.locator(".draft-file code")).toHaveText(file);
  await editorReady(page);
  await replaceCode(page, text);
}

async function saved(page: Page): Promise<void> {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", {
    timeout: 15_000,
  });
}

async function checkPasses(page: Page): Promise<void> {
  await saved(page);
  await page.getByTestId("run-check").click();
  const report = page.getByTestId("check-report");
  await expect(report).toBeVisible({ timeout: 180_000 });
  const failing = await report.locator('tr[data-ok="false"]').allInnerTexts();
  expect(failing, "check items that failed").toEqual([]);
  await expect(report).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("check-strength")).toBeVisible();
}

async function publishAndAssign(page: Page, version: number): Promise<void> {
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("published")).toHaveAttribute("data-version", String(version), {
    timeout: 120_000,
  });
  await page.getByTestId("assign").click();
  await expect(page.getByTestId("assigned")).toBeVisible();
}

test.describe.configure({ mode: "serial" });

let draftUrl = "";

test("an instructor writes, checks, previews, publishes and assigns a new exercise; a student solves it; a new version leaves the old grade on its version", async ({
  page,
  browser,
}) => {
  test.setTimeout(600_000);
  await instructorWithCourse(page);
  await page.goto(`${COURSE}/exercises`);
  await expect(page.getByRole("heading", { level: 1, name: "Exercises" })).toBeVisible();

  // A bad id is refused with a message, and nothing is created.
  await page.getByLabel("Exercise id").fill("Bad Id!");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByText("Use lower-case letters, digits and single hyphens")).toBeVisible();

  await page.getByLabel("Exercise id").fill(SLUG);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/exercises\/drafts\/[a-z0-9]+$/);
  draftUrl = new URL(page.url()).pathname;

  // The template's placeholders fail the check, which says what to write.
  await page.getByTestId("run-check").click();
  await expect(page.getByTestId("check-report")).toHaveAttribute("data-ok", "false", {
    timeout: 180_000,
  });
  await expect(page.getByTestId("check-report")).toContainText("TODO(author)");

  await writeFile(page, "Statement (English)", "statement.en.md", files["statement.en.md"]);
  await expect(page.getByTestId("statement-preview").locator(".katex").first()).toBeVisible();
  await writeFile(page, "Statement (中文)", "statement.zh-CN.md", files["statement.zh-CN.md"]);
  await writeFile(page, "Starter", "starter.ts", files["starter.ts"]);
  await writeFile(page, "Reference", "solution.ts", files["solution.ts"]);
  await writeFile(
    page,
    "Reference",
    "alternatives/other-style.ts",
    files["alternatives/other-style.ts"],
  );
  await writeFile(page, "Tests", "tests.ts", files["tests.ts"]);
  await writeFile(page, "Tests", "tests.zh-CN.json", files["tests.zh-CN.json"]);
  await writeFile(
    page,
    "Mutants and hints",
    "mutants/typical-mistake.ts",
    files["mutants/typical-mistake.ts"],
  );
  await page.getByLabel("New file name (without .ts)").fill("absolute-value");
  await page.getByRole("button", { name: "Add mutant" }).click();
  await writeFile(
    page,
    "Mutants and hints",
    "mutants/absolute-value.ts",
    files["mutants/absolute-value.ts"],
  );
  await writeFile(page, "Mutants and hints", "mutants/hints.json", files["mutants/hints.json"]);
  await writeFile(page, "Limits, tolerance, bans", "exercise.json", files["exercise.json"]);

  // A syntax error in the tests is pointed at by file, line and column; nothing can be published.
  await writeFile(page, "Tests", "tests.ts", files["tests.ts"].replace("cases: [", "cases: [[,"));
  await saved(page);
  await page.getByTestId("run-check").click();
  const problems = page.getByTestId("check-problems");
  await expect(problems).toContainText(/tests\.ts:\d+:\d+/, { timeout: 180_000 });
  await expect(page.getByTestId("publish")).toBeDisabled();
  await writeFile(page, "Tests", "tests.ts", files["tests.ts"]);

  await checkPasses(page);
  await expect(page.getByTestId("publish")).toBeEnabled();

  // A 10 MB statement is refused by name; the saved draft is unchanged and still passes.
  const draftId = draftUrl.split("/").at(-1)!;
  const huge = await page.request.put(`/api/courses/${COURSE_SLUG}/exercises/drafts/${draftId}`, {
    data: { files: { ...files, "statement.en.md": "x".repeat(10 * 1024 * 1024) } },
  });
  expect(huge.status()).toBe(400);
  expect(((await huge.json()) as { error: { message: string } }).error.message).toMatch(
    /statement\.en\.md is \d+ KB; a file may be at most 512 KB/,
  );

  // Preview as a student: the draft's statement and public tests; grades against the draft are not recorded.
  await page.getByRole("link", { name: "Preview as a student" }).click();
  await expect(page.getByTestId("preview-statement")).toContainText("rectified linear unit");
  await expect(page.getByTestId("preview-public-tests")).toContainText("random matrix");
  // The pre-check runs the draft's public tests in the browser: the starter fails them.
  await editorReady(page);
  await page.getByTestId("preview-run-public").click();
  const preCheck = page.getByTestId("preview-public-tests-run");
  await expect(preCheck.locator('[data-passed="false"]').first()).toBeVisible({ timeout: 60_000 });
  await page.getByTestId("preview-grade").click();
  await expect(page.getByTestId("preview-result")).toHaveAttribute(
    "data-status",
    /failed|runtime_error/,
    { timeout: 120_000 },
  );
  await editorReady(page);
  await replaceCode(page, files["solution.ts"]);
  await page.getByTestId("preview-grade").click();
  await expect(page.getByTestId("preview-result")).toHaveAttribute("data-status", "passed", {
    timeout: 120_000,
  });
  const max = await page.getByTestId("preview-result").getAttribute("data-max");
  await expect(page.getByTestId("preview-result")).toHaveAttribute("data-score", max!);
  await page.getByTestId("preview-run-public").click();
  await expect(preCheck.locator('[data-passed="true"]')).toHaveCount(1, { timeout: 60_000 });
  await expect(preCheck.locator('[data-passed="false"]')).toHaveCount(0);

  await page.getByRole("link", { name: "Back to the editor" }).click();
  await expect(page.getByTestId("changes")).toContainText("First version");
  await publishAndAssign(page, 1);

  // 2. A student solves it and is graded against version 1.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await newEnrolledStudent(student, JOIN_CODE);
  await student.goto(`${COURSE}/assignments/${SLUG}`);
  await expect(student.getByRole("heading", { level: 1 })).toContainText("ReLU forward pass");
  await replaceCode(student, files["solution.ts"].replace(`// ${MARK_SOLUTION}\n`, ""));
  await student.getByRole("button", { name: "Submit" }).click();
  await expect(student.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", {
    timeout: 120_000,
  });
  await expect(student.getByTestId("submission-score")).toContainText("100 / 100");
  await expect(student.getByTestId("submission-version")).toContainText("exercise version 1");

  // 3. The instructor adds a hidden case, checks and publishes version 2, and assigns it.
  await page.goto(draftUrl);
  await writeFile(page, "Tests", "tests.ts", testsSource(true));
  await writeFile(
    page,
    "Tests",
    "tests.zh-CN.json",
    JSON.stringify(
      { "random matrix": "随机矩阵", [HIDDEN_CASE]: "只有负数", "zeros and negatives": "零和负数" },
      null,
      2,
    ),
  );
  await checkPasses(page);
  await page.getByTestId("changes").locator("summary").click();
  await expect(page.getByTestId("changes")).toContainText("Changes since version 1");
  await expect(page.getByTestId("changes").locator('[data-file="tests.ts"]')).toContainText(
    "zeros and negatives",
  );
  await publishAndAssign(page, 2);
  await page.goto(`${COURSE}/exercises`);
  await expect(
    page.locator(`tr[data-exercise="${SLUG}"]`).getByTestId("exercise-version"),
  ).toHaveText("2");

  // The student's earlier grade still names version 1; a new attempt is graded by version 2.
  await student.goto(`${COURSE}/assignments/${SLUG}`);
  await expect(student.getByTestId("submission-version")).toContainText("exercise version 1");
  await student.getByRole("link", { name: "Submission history" }).click();
  await expect(student.getByTestId("history-item")).toHaveCount(1);
  await expect(student.getByTestId("history-item").first()).toContainText("exercise version 1");
  await student.goto(`${COURSE}/assignments/${SLUG}`);
  // A new attempt (its own code: an identical resubmission would not be a new attempt).
  await replaceCode(student, `// attempt 2\n${files["solution.ts"]}`);
  await student.getByRole("button", { name: "Submit" }).click();
  await expect(student.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", {
    timeout: 120_000,
  });
  await expect(student.getByTestId("submission-version")).toContainText("exercise version 2");
  await studentContext.close();
});

test("students and anonymous visitors never reach drafts, tests, references or mutants", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  expect(draftUrl, "the authoring flow ran first").not.toBe("");
  const draftId = draftUrl.split("/").at(-1)!;
  const api = `/api/courses/${COURSE_SLUG}/exercises`;
  const pages = [`${COURSE}/exercises`, draftUrl, `${draftUrl}/preview`];
  const calls = [
    { method: "POST", url: api, data: { slug: "sneaky-copy", from: SLUG } },
    { method: "PUT", url: `${api}/drafts/${draftId}`, data: { files: {} } },
    { method: "POST", url: `${api}/drafts/${draftId}/jobs`, data: { kind: "check" } },
    { method: "POST", url: `${api}/drafts/${draftId}/jobs`, data: { kind: "preview", code: "x" } },
    { method: "POST", url: `${api}/open/${SLUG}`, data: {} },
    { method: "POST", url: `${api}/render`, data: { markdown: "# hi" } },
  ] as const;
  const secrets = [MARK_TESTS, MARK_SOLUTION, MARK_MUTANT, HIDDEN_CASE];

  // Anonymous: pages send to sign-in, APIs answer 401.
  const anon = await browser.newContext();
  const anonPage = await anon.newPage();
  for (const p of pages) {
    await anonPage.goto(p);
    await expect(anonPage).toHaveURL(/\/signin/);
  }
  for (const c of calls) {
    const res = await anonPage.request.fetch(c.url, {
      method: c.method,
      ...("data" in c ? { data: c.data } : {}),
    });
    expect(res.status(), `${c.method} ${c.url}`).toBe(401);
  }
  await anon.close();

  // Another student of the course: pages are forbidden, APIs 404; nothing secret in what they get.
  await newEnrolledStudent(page, JOIN_CODE);
  const seen: string[] = [];
  page.on("response", async (r) => {
    const type = r.headers()["content-type"] ?? "";
    if (/json|html|javascript/.test(type)) seen.push(await r.text().catch(() => ""));
  });
  for (const p of pages) {
    const res = await page.goto(p);
    expect(res?.status(), p).toBe(403);
  }
  for (const c of calls) {
    const res = await page.request.fetch(c.url, {
      method: c.method,
      ...("data" in c ? { data: c.data } : {}),
    });
    expect(res.status(), `${c.method} ${c.url}`).toBe(404);
    seen.push(await res.text());
  }
  // The exercise itself, as a student works on it: statement, starter and public tests only.
  await page.goto(`${COURSE}/assignments/${SLUG}`);
  await editorReady(page);
  await page.getByRole("button", { name: "Run public tests" }).click();
  await expect(page.getByTestId("public-summary")).toBeVisible({ timeout: 60_000 });
  for (const text of seen)
    for (const s of secrets) expect(text.includes(s), `a response contained ${s}`).toBe(false);
  // The job of another course's instructor cannot be read either (ids are not guessable, but still checked).
  const jobs = await page.request.get(`${api}/jobs/${draftId}`);
  expect(jobs.status()).toBe(404);
});

test("the Exercises pages pass axe's WCAG A/AA checks, in both languages", async ({ page }) => {
  test.setTimeout(180_000);
  expect(draftUrl, "the authoring flow ran first").not.toBe("");
  await apiSignIn(page, INSTRUCTOR.email, INSTRUCTOR.password);
  const axe = async () => {
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      results.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      ),
    ).toEqual([]);
  };
  for (const locale of ["en", "zh-CN"]) {
    await page.goto(`${COURSE}/exercises`);
    if (locale === "zh-CN") {
      await page.getByTestId("language-switch").click();
      await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    }
    await axe();
    await page.goto(draftUrl);
    await editorReady(page);
    await axe();
    // The check's table and the changes since the last version, opened.
    await page.getByTestId("run-check").click();
    await expect(page.getByTestId("check-report")).toBeVisible({ timeout: 180_000 });
    await page.getByTestId("changes").locator("summary").click();
    await axe();
    await page.goto(`${draftUrl}/preview`);
    await editorReady(page);
    await axe();
  }
  // The language is the account's setting: back to English.
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
