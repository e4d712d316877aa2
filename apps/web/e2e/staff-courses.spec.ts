// The instructor's path through the staff tools (issue 10, part A): an instructor made like the
// admin CLI makes one signs in, lands on the staff home, creates a course and join codes, imports a
// roster (a bad CSV first, reported by its line), and students join with the code.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { STAFF } from "./fixtures.ts";
import { apiSignIn } from "./helpers.ts";
import { expectAccessibleInBothLanguages, newAccount, uniqueCode, uniqueSlug } from "./staff-helpers.ts";

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function withPage<T>(browser: Browser, run: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext();
  try {
    return await run(await context.newPage());
  } finally {
    await context.close();
  }
}

test("an instructor creates a course, join codes and a roster; students join with the code", async ({ page, browser }) => {
  test.setTimeout(180_000);
  // Signing in without a destination lands a platform instructor on the staff home.
  await signInThroughForm(page, STAFF.instructor.email, STAFF.instructor.password);
  await expect(page).toHaveURL(/\/staff$/);
  await expect(page.getByRole("heading", { level: 1, name: "Teaching" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Teaching" })).toBeVisible();

  // Create a course: a malformed address is explained, then the course is made.
  const slug = uniqueSlug("ml");
  const title = `Machine learning ${slug}`;
  await page.getByRole("link", { name: "Create a course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a course" })).toBeVisible();
  await page.getByLabel("Address").fill("Not A Slug!");
  await page.getByLabel("Title (English)").fill(title);
  await page.getByLabel("Title (Simplified Chinese, optional)").fill("机器学习");
  await page.getByLabel("Description and syllabus (English)").fill("Week 1: tensors. Week 2: gradients.");
  await page.getByLabel("Listed in the public catalog").check();
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByTestId("form-error")).toContainText("The address must be 3 to 60 lowercase letters");
  await expect(page.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Address").fill(slug);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${slug}/settings$`));
  await expect(page.getByLabel("Title (English)")).toHaveValue(title);

  // The same address again is refused with a clear message.
  const again = await page.request.post("/api/courses", { data: { slug, title: "Dup", description: "d", language: "en", published: false } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toBe(`The address ${slug} is already used by another course: choose another.`);

  // Edit the settings.
  await page.getByLabel("Description and syllabus (Simplified Chinese, optional)").fill("第一周：张量。");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  // Join codes: a student code limited to 2 uses, and a TA code.
  const studentCode = uniqueCode("STU");
  await page.getByTestId("staff-nav").getByRole("link", { name: "Join codes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Join codes" })).toBeVisible();
  await page.getByLabel("Code (optional)").fill(studentCode);
  await page.getByLabel("Maximum uses (optional)").fill("2");
  await page.getByLabel("Valid for (days, optional)").fill("14");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Join code ${studentCode} created.` })).toBeVisible();
  const row = page.locator(`tr[data-code="${studentCode}"]`);
  await expect(row).toContainText("0 of 2");
  await expect(row.getByTestId("code-status")).toHaveText("Active");
  // A bad maximum is explained and nothing is created.
  await page.getByLabel("Maximum uses (optional)").fill("0");
  await page.getByRole("button", { name: "Create code" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Maximum uses must be a whole number from 1 to 10000.");

  // Roster import: a bad row is reported by its line number and nothing is imported.
  const existing = await withPage(browser, (p) => newAccount(p, "Existing Learner"));
  await page.getByTestId("staff-nav").getByRole("link", { name: "Roster" }).click();
  await expect(page.getByTestId("members-count")).toHaveText("1 members");
  const newEmail = `imported-${slug}@example.com`;
  await page.getByLabel("CSV text").fill(`email,name,role\n${existing.email},Existing Learner,student\nnot-an-email,Broken,student\n`);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByTestId("form-error")).toContainText("Line 3: “not-an-email” is not an email address.");
  await page.reload();
  await expect(page.getByTestId("members-count")).toHaveText("1 members");
  // A good file (chosen through the file input): an existing account is enrolled, a new one gets a one-time link.
  await page.getByLabel("CSV file").setInputFiles({ name: "roster.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFFemail,name,role\n${existing.email},Existing Learner,student\n${newEmail},李雷,student\n`) });
  await expect(page.getByLabel("CSV text")).toHaveValue(/李雷/);
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported: 2 enrolled (1 new accounts), 0 already members." })).toBeVisible();
  const link = await page.getByTestId("one-time-link").textContent();
  expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByTestId("members-count")).toHaveText("3 members");

  // The imported student sets a password with the link, and signs in with it.
  await withPage(browser, async (p) => {
    // Looking at the link (axe, both languages) does not spend it.
    await expectAccessibleInBothLanguages(p, new URL(link!).pathname);
    await p.goto(new URL(link!).pathname);
    await expect(p.getByText(`For the account ${newEmail}. The link works once.`)).toBeVisible();
    await p.getByLabel("New password").fill("imported-pass-7");
    await p.getByRole("button", { name: "Set the new password" }).click();
    await expect(p).toHaveURL(/\/signin\?notice=password_reset/);
    await expect(p.getByText("Your new password is set. Sign in with it.")).toBeVisible();
    await apiSignIn(p, newEmail, "imported-pass-7");
  });

  // A student joins with the code through the enrol form; staff see who used it.
  const joiner = await withPage(browser, async (p) => {
    const account = await newAccount(p, "Joining Student");
    await p.goto("/my");
    await p.getByLabel("Join code").fill(studentCode);
    await p.getByRole("button", { name: "Join course" }).click();
    await expect(p).toHaveURL(new RegExp(`/courses/${slug}$`));
    return account;
  });
  await page.goto(`/courses/${slug}/join-codes`);
  await expect(row).toContainText("1 of 2");
  await expect(row.getByTestId("code-used-by")).toContainText(joiner.email);
  await page.goto(`/courses/${slug}/roster?q=${encodeURIComponent(joiner.email)}`);
  await expect(page.getByTestId("members-count")).toHaveText("1 members");
  await expect(page.locator(`tr[data-member="${joiner.email}"]`)).toContainText(studentCode);

  // Revoked: the code is refused with its own message.
  await page.goto(`/courses/${slug}/join-codes`);
  await row.getByRole("button", { name: `Revoke ${studentCode}` }).click();
  await expect(row.getByTestId("code-status")).toHaveText("Revoked");
  await withPage(browser, async (p) => {
    await newAccount(p);
    const res = await p.request.post("/api/enroll", { data: { code: studentCode } });
    expect(res.status()).toBe(410);
    expect((await res.json()).error.message).toBe("This join code has been revoked. Ask your instructor for a new one.");
  });

  // The staff home shows the course and what needs attention.
  await page.goto("/staff");
  const card = page.locator(`[data-course="${slug}"]`);
  await expect(card).toContainText("3 students");
  await expect(card.getByTestId("silent-students")).toHaveText("Students with no submission yet: 3");
  await expect(card.getByTestId("failed-jobs")).toHaveText("No failed grading jobs");

  // The audit log records each action, newest first.
  await page.goto(`/courses/${slug}/audit`);
  const actions = await page.getByTestId("audit-log").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  expect(actions.slice(0, 4)).toEqual(["joinCode.revoke", "enroll", "roster.import", "joinCode.create"]);
  expect(actions.at(-1)).toBe("course.create");

  // The CSV export is UTF-8 with a BOM, Chinese names intact.
  const csv = await page.request.get(`/courses/${slug}/roster/csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain(`${newEmail},李雷,student`);

  // Archive: the course leaves the catalog and the staff home, and stays readable to members.
  await page.goto(`/courses/${slug}/settings`);
  await page.getByRole("button", { name: "Archive course" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Course archived." })).toBeVisible();
  await page.goto("/staff");
  await expect(page.locator(`[data-course="${slug}"]`)).toHaveCount(0);
  await page.goto("/courses");
  await expect(page.getByText(title)).toHaveCount(0);
  await page.goto(`/courses/${slug}`);
  await expect(page.getByText("This course is archived", { exact: false })).toHaveCount(0); // the overview is the course itself
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.goto(`/courses/${slug}/settings`);
  await expect(page.getByText("This course is archived", { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Restore course" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Course restored." })).toBeVisible();
});

test("the roster: sorting, role changes and removal, never without an instructor", async ({ page, browser }) => {
  await apiSignIn(page, STAFF.instructor.email, STAFF.instructor.password);
  const slug = uniqueSlug("roster");
  expect((await page.request.post("/api/courses", { data: { slug, title: "Roster course", description: "d", language: "en", published: false } })).status()).toBe(200);
  const code = uniqueCode("R");
  expect((await page.request.post(`/api/courses/${slug}/join-codes`, { data: { code, role: "student" } })).status()).toBe(200);
  const names = ["Zed Student", "Amy Student"];
  for (const name of names) {
    await withPage(browser, async (p) => {
      await newAccount(p, name);
      expect((await p.request.post("/api/enroll", { data: { code } })).status()).toBe(201);
    });
  }
  await page.goto(`/courses/${slug}/roster`);
  const nameCells = page.getByTestId("roster").locator("tbody th");
  await expect(nameCells).toHaveText(["Amy Student", "Grace Platform", "Zed Student"]);
  await page.getByRole("link", { name: "Sort by Name" }).click();
  await expect(page).toHaveURL(/sort=name&dir=desc/);
  await expect(nameCells).toHaveText(["Zed Student", "Grace Platform", "Amy Student"]);
  await expect(page.getByRole("columnheader", { name: "Sort by Name" })).toHaveAttribute("aria-sort", "descending");
  await page.getByLabel("Search by name or email").fill("zed");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(nameCells).toHaveText(["Zed Student"]);

  // The only instructor cannot step down.
  await page.goto(`/courses/${slug}/roster`);
  const me = page.locator(`tr[data-member="${STAFF.instructor.email}"]`);
  await me.getByLabel("Role of Grace Platform").selectOption("ta");
  await me.getByRole("button", { name: "Change role: Grace Platform" }).click();
  await expect(me.getByRole("alert")).toHaveText("A course needs at least one instructor: make someone else instructor first.");

  // Make Zed a TA, then remove Amy.
  const zed = page.locator("tr", { has: page.getByRole("rowheader", { name: "Zed Student" }) });
  await zed.getByLabel("Role of Zed Student").selectOption("ta");
  await zed.getByRole("button", { name: "Change role: Zed Student" }).click();
  await expect(zed.getByTestId("member-role")).toHaveText("Teaching assistant");
  await page.getByRole("button", { name: "Remove Amy Student" }).click();
  await expect(page.getByRole("rowheader", { name: "Amy Student" })).toHaveCount(0);
  await expect(page.getByTestId("members-count")).toHaveText("2 members");
});

test("staff pages pass axe in both languages", async ({ page }) => {
  test.setTimeout(180_000);
  await apiSignIn(page, STAFF.instructor.email, STAFF.instructor.password);
  const slug = uniqueSlug("axe");
  expect((await page.request.post("/api/courses", { data: { slug, title: "Axe course", titleZh: "无障碍课程", description: "About", language: "en", published: true } })).status()).toBe(200);
  expect((await page.request.post(`/api/courses/${slug}/join-codes`, { data: { role: "ta", validDays: "3", maxUses: "5" } })).status()).toBe(200);
  expect((await page.request.post(`/api/courses/${slug}/roster/import`, { data: { csv: `email,name\naxe-${slug}@example.com,王芳\n` } })).status()).toBe(200);
  for (const path of ["/staff", "/staff/courses/new", `/courses/${slug}`, `/courses/${slug}/settings`, `/courses/${slug}/join-codes`, `/courses/${slug}/roster`, `/courses/${slug}/audit`, "/profile"]) {
    await expectAccessibleInBothLanguages(page, path);
  }
});
