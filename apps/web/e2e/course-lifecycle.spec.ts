// A course from start to finish, in one flow with the real grader (issue 10's "done when"):
// 1. an instructor made with `pnpm admin create-user` signs in, creates a course, a join code and
//    three assignments with dates (two built-in exercises and one the course writes itself);
// 2. the instructor imports a roster CSV (two students and a TA);
// 3. students join (the roster, and a join code) and submit;
// 4. the instructor grants an extension and opens a submission from the gradebook;
// 5. the instructor publishes a new version of the course's exercise (a looser tolerance),
//    regrades, watches the progress reach 100 %, and sees the new grades (the old one in history);
// 6. the instructor reads the analytics;
// and the TA takes a grading action but cannot change settings.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createInstructorWithCli, editorReady, replaceCode, uniqueEmail } from "./helpers.ts";
import { newAccount, uniqueCode, uniqueSlug } from "./staff-helpers.ts";

const REPO = join(import.meta.dirname, "../../..");
const EXERCISES = join(REPO, "exercises");
const read = (path: string) => readFileSync(join(EXERCISES, path), "utf8");
const title = (id: string) =>
  (JSON.parse(read(`${id}/exercise.json`)) as { title: { en: string } }).title.en;

/** The mse-loss reference with its loss off by 5e-4: wrong at the default tolerance (1e-4), right at 1e-3. */
const ALMOST_MSE = read("mse-loss/solution.ts").replace(
  "const loss = tf.mean(tf.square(diff)).dataSync()[0]!;",
  "const loss = tf.mean(tf.square(diff)).dataSync()[0]! + 5e-4;",
);

function manifest(slug: string, atol: number): string {
  const m = JSON.parse(read("mse-loss/exercise.json")) as Record<string, unknown>;
  return JSON.stringify(
    {
      ...m,
      id: slug,
      title: { en: "Mean squared error (our course)", "zh-CN": "均方误差（本课程）" },
      tolerance: { atol, rtol: 1e-4 },
    },
    null,
    2,
  );
}

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Submits through the API as the signed-in student and waits for the grade; returns the submission id. */
async function submitAndWait(
  page: Page,
  course: string,
  exercise: string,
  code: string,
): Promise<string> {
  await page.goto(`/courses/${course}/assignments/${exercise}`);
  const assignment = await page.getByTestId("workspace").getAttribute("data-assignment-id");
  const res = await page.request.post(`/api/assignments/${assignment}/submissions`, {
    data: { code },
  });
  expect(res.status(), await res.text()).toBe(201);
  const id = ((await res.json()) as { id: string }).id;
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/submissions/${id}`)).json()) as { status: string })
          .status,
      { timeout: 120_000 },
    )
    .toBe("graded");
  return id;
}

async function checkAndPublish(page: Page, version: number): Promise<void> {
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved", {
    timeout: 15_000,
  });
  await page.getByTestId("run-check").click();
  const report = page.getByTestId("check-report");
  await expect(report).toBeVisible({ timeout: 240_000 });
  expect(await report.locator('tr[data-ok="false"]').allInnerTexts(), "failed check items").toEqual(
    [],
  );
  await page.getByTestId("publish").click();
  await expect(page.getByTestId("published")).toHaveAttribute("data-version", String(version), {
    timeout: 120_000,
  });
}

test("a course from the admin CLI to regraded grades and analytics", async ({ page, browser }) => {
  test.setTimeout(900_000);
  const slug = uniqueSlug("life");
  const exercise = uniqueSlug("mse");
  const course = `/courses/${slug}`;
  const staff = `${course}/staff/assignments`;

  // 1. The platform admin creates the instructor with the CLI, against the e2e database.
  const prof = { email: uniqueEmail("prof"), password: "prof-lifecycle-pass-1" };
  createInstructorWithCli({ ...prof, name: "Prof Lifecycle" });
  await signInThroughForm(page, prof.email, prof.password);
  await expect(page).toHaveURL(/\/staff$/);

  await page.getByRole("link", { name: "Create a course" }).click();
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Title (English)").fill(`Deep learning, cohort ${slug}`);
  await page
    .getByLabel("Description and syllabus (English)")
    .fill("Week 1: layers. Week 2: losses.");
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page).toHaveURL(new RegExp(`${course}/settings$`));

  const code = uniqueCode("LIFE");
  await page.getByTestId("staff-nav").getByRole("link", { name: "Join codes" }).click();
  await page.getByLabel("Code (optional)").fill(code);
  await page.getByRole("button", { name: "Create code" }).click();
  await expect(page.locator(`tr[data-code="${code}"]`)).toBeVisible();

  // Two built-in exercises as assignments with dates.
  await page.getByTestId("staff-nav").getByRole("link", { name: "Assignments" }).click();
  for (const [id, due] of [
    ["dense-forward", "2099-03-01T12:00"],
    ["softmax", "2099-03-08T12:00"],
  ] as const) {
    const form = page.getByTestId("assignment-form");
    await form.getByLabel("Exercise").selectOption({ label: title(id) });
    await form.getByLabel("Due", { exact: true }).fill(due);
    await form.getByRole("button", { name: "Create assignment" }).click();
    await expect(
      page.locator(`[data-testid=staff-assignments] tr[data-exercise=${id}]`),
    ).toBeVisible();
  }

  // The third is the course's own: a copy of mse-loss, checked, published and assigned, then dated.
  await page.getByTestId("staff-nav").getByRole("link", { name: "Exercises" }).click();
  await page.getByLabel("Exercise id").fill(exercise);
  await page.getByLabel("Start from").selectOption("mse-loss");
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page).toHaveURL(/\/exercises\/drafts\/[a-z0-9]+$/);
  const draftUrl = new URL(page.url()).pathname;
  await page.getByRole("tab", { name: "Limits, tolerance, bans" }).click();
  await editorReady(page);
  await replaceCode(page, manifest(exercise, 1e-4));
  await checkAndPublish(page, 1);
  await page.getByTestId("assign").click();
  await expect(page.getByTestId("assigned")).toBeVisible();
  await page.goto(`${staff}/${exercise}/settings`);
  await page.getByLabel("Due", { exact: true }).fill("2099-03-15T12:00");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Saved.");
  await page.goto(staff);
  await expect(page.locator("[data-testid=staff-assignments] tbody tr")).toHaveCount(3);

  // 2. The roster: two students with accounts, and a TA.
  const [adaPage, boPage, taPage, cyPage] = await Promise.all(
    [0, 1, 2, 3].map(() => newPage(browser)),
  );
  const ada = await newAccount(adaPage!, "Ada Student");
  const bo = await newAccount(boPage!, "Bo 学生");
  const tara = await newAccount(taPage!, "Tara Assistant");
  await newAccount(cyPage!, "Cy Joiner");
  await page.getByTestId("staff-nav").getByRole("link", { name: "Roster" }).click();
  await page
    .getByLabel("CSV text")
    .fill(
      `email,name,role\n${ada.email},Ada Student,student\n${bo.email},Bo 学生,student\n${tara.email},Tara Assistant,ta\n`,
    );
  await page.getByRole("button", { name: "Import" }).click();
  await expect(
    page
      .getByRole("status")
      .filter({ hasText: "Imported: 3 enrolled (0 new accounts), 0 already members." }),
  ).toBeVisible();

  // 3. A third student joins with the code; the students submit.
  await cyPage!.goto("/my");
  await cyPage!.getByLabel("Join code").fill(code);
  await cyPage!.getByRole("button", { name: "Join course" }).click();
  await expect(cyPage!).toHaveURL(new RegExp(`${course}$`));

  await submitAndWait(adaPage!, slug, exercise, read("mse-loss/solution.ts"));
  const boSubmission = await submitAndWait(boPage!, slug, exercise, ALMOST_MSE);
  await submitAndWait(cyPage!, slug, "dense-forward", read("dense-forward/solution.ts"));

  // 4. An extension for Bo on dense-forward; Bo's submission opened from the gradebook.
  await page.goto(`${staff}/dense-forward`);
  const extension = page.getByTestId("extension-form");
  await extension.getByLabel("Student").selectOption({ label: `Bo 学生 <${bo.email}>` });
  await extension.getByLabel("Due", { exact: true }).fill("2099-04-01T12:00");
  await extension.getByRole("button", { name: "Grant extension" }).click();
  await expect(
    page.locator(`[data-testid=extensions] tr[data-student="${bo.email}"]`),
  ).toBeVisible();

  await page.goto(`${course}/gradebook`);
  const boCell = page.locator(
    `tr[data-student="${bo.email}"] [data-testid=gradebook-cell][data-exercise=${exercise}]`,
  );
  await boCell.getByTestId("cell-link").click();
  await expect(page).toHaveURL(new RegExp(`/staff/submissions/${boSubmission}$`));
  await expect(page.getByTestId("detail-version")).toHaveText("v1");
  await expect(page.getByTestId("detail-score")).not.toHaveText("100 / 100");

  // 5. Version 2 loosens the tolerance; everyone's submissions are regraded against it.
  await page.goto(draftUrl);
  await page.getByRole("tab", { name: "Limits, tolerance, bans" }).click();
  await editorReady(page);
  await replaceCode(page, manifest(exercise, 1e-3));
  await checkAndPublish(page, 2);
  await page.goto(`${staff}/${exercise}`);
  await page.getByLabel("Grade against").selectOption({ index: 0 });
  await page.getByRole("button", { name: "Start regrade" }).click();
  const progress = page.getByTestId("regrade-progress");
  await expect(page.getByRole("progressbar", { name: "Regrade progress" })).toBeVisible();
  await expect(progress).toHaveAttribute("data-finished", "true", { timeout: 180_000 });
  await expect(progress).toHaveAttribute("data-percent", "100");

  await page.goto(`${course}/gradebook`);
  await boCell.getByTestId("cell-link").click();
  await expect(page.getByTestId("detail-version")).toHaveText("v2");
  await expect(page.getByTestId("detail-score")).toHaveText("100 / 100");
  const history = page.getByTestId("grade-history").locator("tbody tr");
  await expect(history).toHaveCount(1);
  await expect(history.first()).toContainText("v1");

  // 6. Analytics of the course's exercise.
  await page.goto(`${staff}/${exercise}/analytics`);
  for (const heading of [
    "Submissions per day",
    "Pass rate per test",
    "Most common failure messages",
    "Score distribution",
  ]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(
    page
      .getByRole("table", { name: "Data table: Score distribution" })
      .locator("tbody tr")
      .last()
      .locator("td"),
  ).not.toHaveText("0");

  // The TA grants an extension (a grading action) but cannot change settings.
  expect((await taPage!.goto(`${staff}/${exercise}/settings`))?.status()).toBe(403);
  expect((await taPage!.goto(`${course}/settings`))?.status()).toBe(403);
  await taPage!.goto(`${staff}/softmax`);
  const taExtension = taPage!.getByTestId("extension-form");
  await taExtension.getByLabel("Student").selectOption({ label: `Ada Student <${ada.email}>` });
  await taExtension.getByLabel("Extra attempts").fill("2");
  await taExtension.getByRole("button", { name: "Grant extension" }).click();
  await expect(
    taPage!.locator(`[data-testid=extensions] tr[data-student="${ada.email}"]`),
  ).toBeVisible();
});
