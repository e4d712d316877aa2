// Who may use the staff tools: a TA reads the roster and takes grading actions but gets 403 on
// settings, join codes, roster changes and the audit log; a student gets 403 everywhere; a visitor
// who is not signed in is sent to sign in (pages) or gets 401 (API); an unknown course is 404.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { STAFF } from "./fixtures.ts";
import { apiSignIn, DEMO } from "./helpers.ts";
import { expectAccessibleInBothLanguages, newAccount, uniqueCode, uniqueSlug } from "./staff-helpers.ts";

const PAGES = (slug: string) => [`/courses/${slug}/settings`, `/courses/${slug}/join-codes`, `/courses/${slug}/roster`, `/courses/${slug}/audit`];

/** Every staff API call with a harmless body: the role check comes before anything is read or written. */
function apiCalls(slug: string, userId: string): [string, unknown][] {
  return [
    [`/api/courses/${slug}/settings`, { title: "Hacked", description: "d", language: "en", published: true }],
    [`/api/courses/${slug}/archive`, { archived: true }],
    [`/api/courses/${slug}/join-codes`, { role: "instructor" }],
    [`/api/courses/${slug}/join-codes/some-code-id/revoke`, {}],
    [`/api/courses/${slug}/roster/role`, { userId, role: "instructor" }],
    [`/api/courses/${slug}/roster/remove`, { userId }],
    [`/api/courses/${slug}/roster/import`, { csv: "email,name\nx@example.com,X\n" }],
  ];
}

async function statuses(request: APIRequestContext, calls: [string, unknown][]) {
  const out: Record<string, number> = {};
  for (const [path, data] of calls) out[path] = (await request.post(path, { data })).status();
  return out;
}

async function setUpCourse(request: APIRequestContext, slug: string) {
  expect((await request.post("/api/courses", { data: { slug, title: "Access course", description: "d", language: "en", published: false } })).status()).toBe(200);
  const ta = uniqueCode("TA");
  const student = uniqueCode("ST");
  expect((await request.post(`/api/courses/${slug}/join-codes`, { data: { code: ta, role: "ta" } })).status()).toBe(200);
  expect((await request.post(`/api/courses/${slug}/join-codes`, { data: { code: student, role: "student" } })).status()).toBe(200);
  return { ta, student };
}

test("a TA sees the roster and issues reset links, but gets 403 on settings, join codes, role changes and the audit log", async ({ page, browser }) => {
  await apiSignIn(page, STAFF.instructor.email, STAFF.instructor.password);
  const slug = uniqueSlug("ta");
  const codes = await setUpCourse(page.request, slug);
  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  const student = await newAccount(studentPage, "Reset Me");
  expect((await studentPage.request.post("/api/enroll", { data: { code: codes.student } })).status()).toBe(201);

  const taContext = await browser.newContext();
  const ta = await taContext.newPage();
  try {
    await newAccount(ta, "Tess Assistant");
    expect((await ta.request.post("/api/enroll", { data: { code: codes.ta } })).status()).toBe(201);
    // The roster is readable; its tabs show only what a TA may use.
    const roster = await ta.goto(`/courses/${slug}/roster`);
    expect(roster?.status()).toBe(200);
    await expect(ta.getByTestId("staff-nav").getByRole("link")).toHaveText(["Overview", "Gradebook", "Assignments", "Roster"]);
    await expect(ta.getByRole("button", { name: /^Change role/ })).toHaveCount(0);
    await expect(ta.getByRole("heading", { name: "Import a roster (CSV)" })).toHaveCount(0);
    expect((await ta.request.get(`/courses/${slug}/roster/csv`)).status()).toBe(200);
    // The staff home lists the course for the TA too, and sign-in lands there.
    await ta.goto("/start");
    await expect(ta).toHaveURL(/\/staff$/);
    await expect(ta.locator(`[data-course="${slug}"]`)).toBeVisible();

    for (const path of [`/courses/${slug}/settings`, `/courses/${slug}/join-codes`, `/courses/${slug}/audit`]) {
      const res = await ta.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(ta.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    }
    await ta.goto(`/courses/${slug}/roster`);
    const studentId = await ta.locator(`tr[data-member="${student.email}"] input[name="userId"]`).first().getAttribute("value");
    expect(studentId).toBeTruthy();
    const refused = await statuses(ta.request, apiCalls(slug, studentId!));
    for (const [path, status] of Object.entries(refused)) expect(status, path).toBe(403);

    // A grading action: the TA issues the student's reset link from the roster.
    await ta.getByRole("button", { name: "Password reset link for Reset Me" }).click();
    const link = await ta.getByTestId("one-time-link").textContent();
    expect(link).toMatch(/\/reset\//);
    // …and for students only, never for staff.
    await expect(ta.getByRole("button", { name: "Password reset link for Tess Assistant" })).toHaveCount(0);

    // The student uses it once; a second use is refused.
    await studentPage.goto(new URL(link!).pathname);
    await studentPage.getByLabel("New password").fill("reset-by-ta-1");
    await studentPage.getByRole("button", { name: "Set the new password" }).click();
    await expect(studentPage).toHaveURL(/\/signin\?notice=password_reset/);
    await studentPage.goto(new URL(link!).pathname);
    await expect(studentPage.getByText("This reset link has already been used. Ask for a new one if you need it.")).toBeVisible();
    await apiSignIn(studentPage, student.email, "reset-by-ta-1");
    // The reset page passes axe (valid link state is checked in the instructor's flow).
    await expectAccessibleInBothLanguages(studentPage, new URL(link!).pathname);
  } finally {
    await taContext.close();
    await studentContext.close();
  }
});

test("students get 403 and visitors are sent to sign in on every staff page and route; unknown courses are 404", async ({ page, browser }) => {
  await apiSignIn(page, STAFF.instructor.email, STAFF.instructor.password);
  const slug = uniqueSlug("closed");
  const codes = await setUpCourse(page.request, slug);
  const instructorId = await (async () => {
    await page.goto(`/courses/${slug}/roster`);
    return page.locator(`tr[data-member="${STAFF.instructor.email}"] input[name="userId"]`).first().getAttribute("value");
  })();

  const context = await browser.newContext();
  const student = await context.newPage();
  try {
    await newAccount(student);
    expect((await student.request.post("/api/enroll", { data: { code: codes.student } })).status()).toBe(201);
    for (const path of [...PAGES(slug), `/courses/${slug}/gradebook`]) {
      const res = await student.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(student.getByText("Access course")).toHaveCount(0);
    }
    expect((await student.request.get(`/courses/${slug}/roster/csv`)).status()).toBe(403);
    const calls = [...apiCalls(slug, instructorId!), [`/api/courses/${slug}/roster/reset`, { userId: instructorId }] as [string, unknown]];
    for (const [path, status] of Object.entries(await statuses(student.request, calls))) expect(status, path).toBe(403);
    // Not a platform instructor: no course creation.
    expect((await student.request.post("/api/courses", { data: { slug: uniqueSlug("nope"), title: "T", description: "d", language: "en" } })).status()).toBe(403);
    expect((await student.goto("/staff/courses/new"))?.status()).toBe(403);
    // Students land on their courses, and /staff says they teach nothing.
    await student.goto("/start");
    await expect(student).toHaveURL(/\/my$/);
    await student.goto("/staff");
    await expect(student.getByRole("heading", { name: "You do not teach a course yet" })).toBeVisible();
    // An unknown course is 404, for pages and routes alike.
    expect((await student.goto("/courses/no-such-course/roster"))?.status()).toBe(404);
    expect((await student.request.post("/api/courses/no-such-course/roster/remove", { data: { userId: "x" } })).status()).toBe(404);
  } finally {
    await context.close();
  }

  const anonymous = await browser.newContext();
  const visitor = await anonymous.newPage();
  try {
    for (const path of [...PAGES(slug), "/staff", "/staff/courses/new", "/profile"]) {
      await visitor.goto(path);
      await expect(visitor, path).toHaveURL(/\/signin\?next=/);
    }
    for (const [path, status] of Object.entries(await statuses(visitor.request, [...apiCalls(slug, instructorId!), ["/api/courses", { slug: "x-y-z" }], ["/api/profile", { name: "X", locale: "en" }]]))) expect(status, path).toBe(401);
    const csv = await visitor.request.get(`/courses/${slug}/roster/csv`, { maxRedirects: 0 });
    expect(csv.status()).toBe(307);
    expect(csv.headers().location).toContain("/signin?next=");
    // An unpublished course has no public page.
    expect((await visitor.goto(`/courses/${slug}`))?.status()).toBe(404);
  } finally {
    await anonymous.close();
  }
});

test("visitors who are not signed in see a published course's syllabus and lessons, and nothing of its assignments", async ({ page }) => {
  const res = await page.goto(`/courses/${DEMO.courseSlug}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: DEMO.courseTitle })).toBeVisible();
  await expect(page.getByTestId("syllabus")).toContainText("Build neural networks from the tensor up");
  await expect(page.getByTestId("public-lessons").locator("li").first()).toHaveText("Tensors and the neuron");
  await expect(page.getByRole("link", { name: "Sign in" }).last()).toHaveAttribute("href", `/signin?next=${encodeURIComponent(`/courses/${DEMO.courseSlug}`)}`);
  // No assignment links, dates or exercise pages leak.
  await expect(page.locator('a[href*="/assignments/"]')).toHaveCount(0);
  await expect(page.locator('a[href*="/lessons/"]')).toHaveCount(0);
  // Below the public page, sign-in is still required.
  await page.goto(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
  await expect(page).toHaveURL(/\/signin\?next=/);
  expect((await page.goto("/courses/no-such-course"))?.status()).toBe(404);
  await expectAccessibleInBothLanguages(page, `/courses/${DEMO.courseSlug}`);
  await expectAccessibleInBothLanguages(page, "/forgot");
  await page.goto("/forgot");
  await expect(page.getByRole("status")).toHaveText("Resetting a password by email is not set up on this platform. Ask your instructor for a reset link.");
});
