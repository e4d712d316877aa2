// Instructors and TAs run an assignment: settings (instructors only), extensions, identical
// resubmissions that cost nothing, the gradebook's links into the staff submission viewer and its
// diff, analytics; and nobody else reaches any of it. The course is fixtures.ts' ASSESS.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { API, COURSE, STAFF, assignmentId, expectNoViolations, graded, solution, submit } from "./assess-helpers.ts";
import { ASSESS } from "./fixtures.ts";
import { DEMO, apiSignIn, newEnrolledStudent, replaceCode } from "./helpers.ts";

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await apiSignIn(page, email, password);
  return page;
}
const instructor = (browser: Browser) => signedIn(browser, DEMO.instructor.email, DEMO.instructor.password);
const ta = (browser: Browser) => signedIn(browser, ASSESS.ta.email, ASSESS.ta.password);

test("the instructor edits an assignment's dates and policy; dates out of order are refused next to the field", async ({ browser }) => {
  const page = await instructor(browser);
  await page.goto(`${STAFF}/${ASSESS.settings}/settings`);
  await page.getByLabel("Due", { exact: true }).fill("2030-01-10T12:00");
  await page.getByLabel("Late due", { exact: true }).fill("2030-01-09T12:00");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.locator("#a-late-due-error")).toHaveText("The late due date must be after the due date.");
  await expect(page.getByLabel("Late due", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Late due", { exact: true }).fill("2030-01-12T12:00");
  await page.getByLabel("Late penalty").fill("0.3");
  await page.getByLabel("Which attempt counts").selectOption("last");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Saved.");

  await page.goto(`${STAFF}/${ASSESS.settings}`);
  await expect(page.getByTestId("summary-policy")).toHaveText("Last attempt");
  await expect(page.getByTestId("summary-due")).toContainText("2030");
  await expect(page.getByTestId("assignment-summary")).toContainText("30%");
});

test("the instructor creates an assignment (bad points refused next to the field) and deletes it while nobody has submitted", async ({ browser }) => {
  const page = await instructor(browser);
  await page.goto(STAFF);
  const form = page.getByTestId("assignment-form");
  await form.getByLabel("Exercise").selectOption({ label: "An embedding layer, forward and backward" });
  await expect(form.getByLabel("Version")).toHaveValue("");
  await form.getByLabel("Points").fill("0");
  await form.getByRole("button", { name: "Create assignment" }).click();
  await expect(page.locator("#a-points-error")).toHaveText("Points must be more than 0.");
  await form.getByLabel("Points").fill("40");
  await form.getByLabel("Maximum attempts").fill("4");
  await form.getByRole("button", { name: "Create assignment" }).click();
  const row = page.locator("[data-testid=staff-assignments] tr[data-exercise=embedding]");
  await expect(row).toContainText("40");
  await expect(row).toContainText("4");

  await row.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings: An embedding layer, forward and backward");
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete assignment" }).click();
  await expect(page).toHaveURL(new RegExp(`${STAFF}$`));
  await expect(page.locator("[data-testid=staff-assignments] tr[data-exercise=embedding]")).toHaveCount(0);
});

test("a student past the due date submits once the instructor grants an extension", async ({ page, browser }) => {
  const student = await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.closed);
  await expect(page.getByTestId("submit-blocked")).toHaveAttribute("data-reason", "closed");
  expect((await page.request.post(`/api/assignments/${id}/submissions`, { data: { code: "// too late" } })).status()).toBe(403);

  const staff = await instructor(browser);
  await staff.goto(`${STAFF}/${ASSESS.closed}`);
  const form = staff.getByTestId("extension-form");
  await form.getByLabel("Student").selectOption({ label: `Test Learner <${student.email}>` });
  await form.getByLabel("Due", { exact: true }).fill("2099-06-01T12:00");
  await form.getByLabel("Extra attempts").fill("1");
  await form.getByLabel("Reason (optional)").fill("medical note");
  await form.getByRole("button", { name: "Grant extension" }).click();
  await expect(staff.locator(`[data-testid=extensions] tr[data-student="${student.email}"]`)).toContainText("medical note");

  await page.reload();
  await expect(page.getByTestId("extension-note")).toBeVisible();
  await expect(page.getByTestId("submit-window")).toContainText("3 of 3 attempts left");
  await expect(page.getByTestId("submit-blocked")).toHaveCount(0);
  expect((await page.request.post(`/api/assignments/${id}/submissions`, { data: { code: "// on time, thanks to the extension" } })).status()).toBe(201);

  // Removed again: the assignment's own (past) dates apply to the student once more.
  await staff.reload();
  await staff.locator(`[data-testid=extensions] tr[data-student="${student.email}"]`).getByRole("button", { name: "Remove the extension of Test Learner" }).click();
  await expect(staff.locator(`[data-testid=extensions] tr[data-student="${student.email}"]`)).toHaveCount(0);
  expect((await page.request.post(`/api/assignments/${id}/submissions`, { data: { code: "// after the extension was removed" } })).status()).toBe(403);
});

test("an identical resubmission is not charged: the reply and the page name the attempt it matches", async ({ page }) => {
  await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.open);
  const code = "export function clipGradient() {}\n";
  const first = await submit(page, id, code);
  const again = await page.request.post(`/api/assignments/${id}/submissions`, { data: { code: "export function clipGradient() {}   \r\n\r\n" } });
  expect(again.status()).toBe(409);
  const body = (await again.json()) as { error: { code: string; match: { submissionId: string; attemptNumber: number; href: string } } };
  expect(body.error.code).toBe("duplicate");
  expect(body.error.match).toEqual({ submissionId: first, attemptNumber: 1, href: `${COURSE}/assignments/${ASSESS.open}/history#attempt-1` });
  const list = (await (await page.request.get(`/api/assignments/${id}/submissions`)).json()) as { submissions: unknown[] };
  expect(list.submissions).toHaveLength(1);

  // The same in the workspace, once the first attempt is graded (Submit waits for it).
  await graded(page, first);
  await page.goto(`${COURSE}/assignments/${ASSESS.open}`);
  await replaceCode(page, code);
  await page.getByRole("button", { name: "Submit", exact: true }).click();
  const notice = page.getByTestId("submit-duplicate");
  await expect(notice).toContainText("the same as your attempt 1");
  await notice.getByRole("link", { name: "Open attempt 1" }).click();
  await expect(page).toHaveURL(/\/history#attempt-1$/);
  await expect(page.locator("#attempt-1")).toBeVisible();
});

test("an infrastructure failure is never charged: the same code may be sent again", async ({ page }) => {
  await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.infra);
  await expect(page.getByTestId("submit-window")).toContainText("1 of 1 attempts left");
  const code = "export const x = 1;\n";
  const first = await submit(page, id, code);
  const status = async () => ((await (await page.request.get(`/api/submissions/${first}`)).json()) as { status: string }).status;
  await expect.poll(status, { timeout: 60_000 }).toBe("failed");

  await page.reload();
  await expect(page.getByTestId("submit-window")).toContainText("1 of 1 attempts left");
  // Not a duplicate either: a failed grading is retried by sending the same code again.
  const second = await submit(page, id, code);
  expect(second).not.toBe(first);
  const list = (await (await page.request.get(`/api/assignments/${id}/submissions`)).json()) as { submissions: { attemptNumber: number }[] };
  expect(list.submissions.map((s) => s.attemptNumber)).toEqual([2, 1]);
});

test("from the gradebook to the counting submission, its diff against another attempt, and the analytics", async ({ page, browser }) => {
  const student = await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.open);
  const first = await submit(page, id, "export function clipGradient(x) { return x; }\n");
  await graded(page, first);
  const second = await submit(page, id, solution(ASSESS.open));
  await graded(page, second);

  const staff = await instructor(browser);
  await staff.goto(`${COURSE}/gradebook?sort=total&dir=desc`);
  await expect(staff.getByRole("columnheader", { name: /Total/ })).toHaveAttribute("aria-sort", "descending");
  const cell = staff.locator(`tr[data-student="${student.email}"] [data-testid=gradebook-cell][data-exercise=${ASSESS.open}]`);
  await expect(cell.getByTestId("cell-attempts")).toHaveText("2 att.");
  await cell.getByTestId("cell-link").click();
  await expect(staff).toHaveURL(new RegExp(`/staff/submissions/${second}$`));
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Test Learner: attempt 2");
  await expect(staff.getByTestId("counting-state")).toHaveText("Counts in the gradebook");
  await expect(staff.getByTestId("detail-version")).toHaveText(/^v\d+$/);
  await expect(staff.getByTestId("detail-seed")).toHaveText(/^\d+$/);
  await expect(staff.getByTestId("submission-result")).toHaveAttribute("data-status", "graded");
  await expect(staff.getByTestId("attempt-code")).toContainText("clipGradient");
  // The diff against attempt 1 (the default), then picked explicitly with the form.
  await expect(staff.getByTestId("diff")).toBeVisible();
  await staff.getByLabel("Attempt to compare with").selectOption({ label: "Attempt 1" });
  await staff.getByRole("button", { name: "Show changes" }).click();
  await expect(staff).toHaveURL(new RegExp(`compare=${first}`));
  await expect(staff.getByRole("figure").filter({ hasText: "Changes from attempt 1 to attempt 2" })).toBeVisible();
  await expect(staff.getByTestId("diff").locator('[data-op="delete"]')).toContainText(["export function clipGradient(x) { return x; }"]);

  await staff.goto(`${STAFF}/${ASSESS.open}/analytics`);
  await expect(staff.getByRole("heading", { level: 1 })).toContainText("Analytics");
  for (const title of ["Submissions per day", "Pass rate per test", "Most common failure messages", "Score distribution"]) {
    await expect(staff.getByRole("heading", { level: 2, name: title })).toBeVisible();
  }
  await expect(staff.getByTestId("analytics-tests").locator("canvas").first()).toBeAttached();
  const passTable = staff.getByRole("table", { name: "Data table: Pass rate per test" });
  await expect(passTable.locator("tbody tr").first()).toBeVisible();
  const scores = staff.getByRole("table", { name: "Data table: Score distribution" });
  await expect(scores.locator("tbody tr")).toHaveCount(10);
  await expect(scores.locator("tbody tr").last().locator("td")).not.toHaveText("0");
});

test("a TA grants an extension and regrades one student, but gets 403 on assignment settings", async ({ page, browser }) => {
  const student = await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.closed);
  const assistant = await ta(browser);
  const settings = await assistant.goto(`${STAFF}/${ASSESS.closed}/settings`);
  expect(settings?.status()).toBe(403);
  const put = await assistant.request.put(`${API}/assignments/${id}`, { data: { latePenalty: 0, points: 100, scoringPolicy: "best" } });
  expect(put.status()).toBe(403);
  expect((await assistant.request.post(`${API}/assignments`, { data: {} })).status()).toBe(403);

  await assistant.goto(`${STAFF}/${ASSESS.closed}`);
  await expect(assistant.getByRole("link", { name: "Settings" })).toHaveCount(0);
  const form = assistant.getByTestId("extension-form");
  await form.getByLabel("Student").selectOption({ label: `Test Learner <${student.email}>` });
  await form.getByRole("button", { name: "Grant extension" }).click();
  await expect(form.locator("#x-due-error")).toHaveText("An extension needs a new due date, a new late due date or extra attempts.");
  await form.getByLabel("Extra attempts").fill("2");
  await form.getByRole("button", { name: "Grant extension" }).click();
  await expect(assistant.locator(`[data-testid=extensions] tr[data-student="${student.email}"]`)).toBeVisible();

  await assistant.goto(`${STAFF}/${ASSESS.open}`);
  await assistant.getByLabel("Whose submissions").selectOption({ label: `Test Learner <${student.email}>` });
  await assistant.getByRole("button", { name: "Start regrade" }).click();
  const progress = assistant.getByTestId("regrade-progress");
  await expect(progress).toHaveAttribute("data-finished", "true");
  await expect(progress).toHaveAttribute("data-percent", "100");
});

test("students and signed-out visitors reach no staff page or API", async ({ page, browser }) => {
  await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.open);
  const own = await submit(page, id, `// mine ${Date.now()}\n`);
  const pages = [`${STAFF}`, `${STAFF}/${ASSESS.open}`, `${STAFF}/${ASSESS.open}/settings`, `${STAFF}/${ASSESS.open}/analytics`, `${COURSE}/staff/submissions/${own}`, `${COURSE}/gradebook`];
  for (const path of pages) expect((await page.goto(path))?.status(), path).toBe(403);
  const calls = [
    { method: "POST", url: `${API}/assignments`, data: { exerciseId: "x", latePenalty: 0, points: 1, scoringPolicy: "best" } },
    { method: "PUT", url: `${API}/assignments/${id}`, data: { latePenalty: 0, points: 1, scoringPolicy: "best" } },
    { method: "DELETE", url: `${API}/assignments/${id}`, data: {} },
    { method: "POST", url: `${API}/assignments/${id}/extensions`, data: { userId: "x", extraAttempts: 1 } },
    { method: "DELETE", url: `${API}/extensions/anything`, data: {} },
    { method: "POST", url: `${API}/assignments/${id}/regrades`, data: { exerciseVersionId: "x" } },
    { method: "GET", url: `${API}/regrades/anything` },
  ];
  for (const c of calls) {
    const res = await page.request.fetch(c.url, { method: c.method, ...(c.data ? { data: c.data } : {}) });
    expect(res.status(), `${c.method} ${c.url}`).toBe(403);
    expect(await res.text()).not.toContain("exerciseVersionId");
  }
  // A course that does not exist is a 404 for anyone.
  expect((await page.goto(`/courses/no-such-course/staff/assignments`))?.status()).toBe(404);

  const anonymous = await (await browser.newContext()).newPage();
  for (const c of calls) expect((await anonymous.request.fetch(c.url, { method: c.method, ...(c.data ? { data: c.data } : {}) })).status(), `${c.method} ${c.url}`).toBe(401);
  await anonymous.goto(`${COURSE}/staff/submissions/${own}`);
  await expect(anonymous).toHaveURL(/\/signin/);
});

test("every assessment staff page passes axe in both languages", async ({ page, browser, baseURL }) => {
  await newEnrolledStudent(page, ASSESS.joinCode);
  const id = await assignmentId(page, ASSESS.open);
  const sub = await submit(page, id, `export function clipGradient(g) { return g; } // ${Date.now()}\n`);
  await graded(page, sub);
  const staff = await instructor(browser);
  const paths = [STAFF, `${STAFF}/${ASSESS.open}`, `${STAFF}/${ASSESS.open}/settings`, `${STAFF}/${ASSESS.open}/analytics`, `${COURSE}/staff/submissions/${sub}`, `${COURSE}/gradebook`];
  for (const locale of ["en", "zh-CN"]) {
    await staff.context().addCookies([{ name: "locale", value: locale, url: baseURL! }]);
    for (const path of paths) {
      const res = await staff.goto(path);
      expect(res?.status(), path).toBe(200);
      await expect(staff.locator("html")).toHaveAttribute("lang", locale);
      await expectNoViolations(staff);
    }
  }
});
