import { expect, test } from "@playwright/test";
import { apiSignIn, DEMO, newEnrolledStudent, uniqueEmail } from "./helpers.ts";

test.describe("courses", () => {
  test("catalog, join codes (bad, expired, good) and My courses", async ({ page }) => {
    const email = uniqueEmail("joiner");
    expect((await page.request.post("/api/signup", { data: { name: "Joiner", email, password: "joining-code-1" } })).status()).toBe(201);
    await apiSignIn(page, email, "joining-code-1");

    await page.goto("/courses");
    await expect(page.getByRole("heading", { level: 1, name: "Courses" })).toBeVisible();
    await expect(page.getByRole("link", { name: DEMO.courseTitle })).toBeVisible();
    await expect(page.getByText("12 lessons")).toBeVisible();

    await page.goto("/my");
    await expect(page.getByRole("heading", { name: "You are not enrolled in any course yet" })).toBeVisible();
    const code = page.getByLabel("Join code");
    await code.fill("NOPE-0000");
    await page.getByRole("button", { name: "Join course" }).click();
    await expect(page.locator("#join-code-error")).toHaveText("This join code does not exist. Check it for typos.");
    await code.fill(DEMO.expiredJoinCode);
    await page.getByRole("button", { name: "Join course" }).click();
    await expect(page.locator("#join-code-error")).toHaveText("This join code has expired. Ask your instructor for a new one.");
    await code.fill("bad code!");
    await page.getByRole("button", { name: "Join course" }).click();
    await expect(page.locator("#join-code-error")).toHaveText("A join code has 3 to 40 letters, digits or dashes.");

    await code.fill(DEMO.joinCode.toLowerCase());
    await page.getByRole("button", { name: "Join course" }).click();
    await expect(page).toHaveURL(new RegExp(`/courses/${DEMO.courseSlug}$`));
    await expect(page.getByRole("heading", { level: 1, name: DEMO.courseTitle })).toBeVisible();

    await page.goto("/my");
    await expect(page.getByRole("link", { name: DEMO.courseTitle })).toBeVisible();
    await expect(page.getByText("0 of 12 lessons done")).toBeVisible();
  });

  test("course page: lessons in order with progress, assignments with due dates and best score", async ({ page }) => {
    await newEnrolledStudent(page);
    await page.goto(`/courses/${DEMO.courseSlug}`);
    const lessons = page.getByTestId("lesson-list").locator("li");
    await expect(lessons).toHaveCount(12);
    await expect(lessons.first()).toHaveAttribute("data-lesson", DEMO.firstLesson);
    await expect(lessons.first()).toContainText("Not started");

    const assignments = page.getByTestId("assignments").locator("tbody tr");
    // Lesson 1's exercises come first; each links to its exercise page.
    const first = assignments.first();
    const exercise = await first.getAttribute("data-exercise");
    expect(["dense-forward", "activations"]).toContain(exercise);
    await expect(first).toContainText("Lesson 1");
    await expect(first.locator("time")).toBeVisible();
    await expect(first.getByTestId("best-score")).toHaveText("Not attempted");
    await expect(first.getByRole("link")).toHaveAttribute("href", `/courses/${DEMO.courseSlug}/assignments/${exercise}`);

    // Opening a lesson marks it in progress; "Mark as done" marks it done.
    await lessons.first().getByRole("link").click();
    await expect(page.getByTestId("lesson-status")).toHaveText("In progress");
    await page.getByRole("button", { name: "Mark as done" }).click();
    await expect(page.getByTestId("lesson-status")).toHaveText("Done");
    // Visiting again does not undo it.
    await page.reload();
    await expect(page.getByTestId("lesson-status")).toHaveText("Done");

    await page.goto(`/courses/${DEMO.courseSlug}`);
    await expect(lessons.nth(0)).toHaveAttribute("data-status", "done");
    await expect(lessons.nth(1)).toHaveAttribute("data-status", "not_started");
    await expect(page.getByTestId("progress-summary")).toHaveText("1 of 12 lessons done");

    // The page records the visit with its own POST once loaded (rendering writes nothing).
    await page.goto(`/courses/${DEMO.courseSlug}/lessons/02-losses-and-gradient-descent`);
    await expect(page.getByTestId("lesson-status")).toHaveText("In progress");
    await page.goto(`/courses/${DEMO.courseSlug}`);
    await expect(lessons.nth(1)).toHaveAttribute("data-status", "in_progress");
    await expect(lessons.nth(1)).toContainText("In progress");
  });

  test("students see only their own progress", async ({ browser }) => {
    const a = await browser.newPage();
    const b = await browser.newPage();
    try {
      await newEnrolledStudent(a);
      await newEnrolledStudent(b);
      await a.goto(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
      await a.getByRole("button", { name: "Mark as done" }).click();
      await expect(a.getByTestId("lesson-status")).toHaveText("Done");
      await b.goto(`/courses/${DEMO.courseSlug}`);
      await expect(b.getByTestId("lesson-list").locator("li").first()).toHaveAttribute("data-status", "not_started");
      // Someone else's lesson id in the API is refused the same as a missing one.
      const res = await b.request.post("/api/progress", { data: { lessonId: "does-not-exist", event: "complete" } });
      expect(res.status()).toBe(404);
    } finally {
      await a.context().close();
      await b.context().close();
    }
  });

  test("a student cannot open the instructor gradebook", async ({ page }) => {
    await newEnrolledStudent(page);
    const res = await page.goto(`/courses/${DEMO.courseSlug}/gradebook`);
    expect(res?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    const csv = await page.request.get(`/courses/${DEMO.courseSlug}/gradebook/csv`);
    expect(csv.status()).toBe(403);
  });

  test("the instructor sees the gradebook and can download it as CSV", async ({ page }) => {
    await apiSignIn(page, DEMO.instructor.email, DEMO.instructor.password);
    await page.goto(`/courses/${DEMO.courseSlug}`);
    await page.getByRole("link", { name: "Gradebook" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Gradebook" })).toBeVisible();
    const student = page.getByRole("rowheader", { name: /student@example\.com/ });
    await expect(student).toBeVisible();

    // Exercise titles numbered by lesson under twelve lesson groups, not slugs.
    const table = page.getByTestId("gradebook");
    await expect(table.getByTestId("gradebook-lesson")).toHaveCount(12);
    await expect(table.getByTestId("gradebook-lesson").first()).toHaveText("Lesson 1 Tensors and the neuron");
    const heads = table.locator("thead th[data-exercise]");
    await expect(heads).toHaveCount(32);
    await expect(heads.first()).toHaveText(/^1\.1 \S/);
    await expect(heads.last()).toHaveText(/^12\.2 \S/);
    for (const head of await heads.all()) {
      // Visible: number and title; tooltip: the same with the points.
      const slug = (await head.getAttribute("data-exercise"))!;
      const tooltip = /^(\d+\.\d+) · (.+) \(\d+ points\)$/.exec((await head.getAttribute("title")) ?? "");
      expect(tooltip, slug).not.toBeNull();
      expect(tooltip![2]).not.toBe(slug);
      await expect(head).toHaveText(`${tooltip![1]} ${tooltip![2]}`);
    }

    // The table scrolls sideways inside its region (the page itself does not) while the student
    // column stays in view.
    const pageOverflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(pageOverflow).toBeLessThanOrEqual(0);
    const region = page.getByRole("region", { name: /^Gradebook: / });
    const before = (await student.boundingBox())!;
    const scrolled = await region.evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
      return el.scrollLeft;
    });
    expect(scrolled).toBeGreaterThan(0);
    await expect(heads.last()).toBeInViewport();
    const after = (await student.boundingBox())!;
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    await expect(student).toBeInViewport();
    const csv = await page.request.get(`/courses/${DEMO.courseSlug}/gradebook/csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    // A UTF-8 byte order mark first (spreadsheets then read non-ASCII names), then the header.
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFname,email,(activations,dense-forward|dense-forward,activations),.*,total$/);
    expect(text).toContain("student@example.com");
  });
});
