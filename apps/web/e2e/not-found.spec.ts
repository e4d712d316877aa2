// Unknown course, lesson, exercise and history URLs answer with a real HTTP 404 (not a 200 that
// happens to show the not-found page): the routes' loading.tsx skeletons start streaming, so the
// existence checks run in their layouts, before that boundary.
import { expect, test } from "@playwright/test";
import { DEMO, newEnrolledStudent } from "./helpers.ts";
import { GRADEBOOK, STATES } from "./fixtures.ts";

const course = `/courses/${DEMO.courseSlug}`;

test("unknown course, lesson, exercise and history pages answer 404 with the not-found page", async ({ page }) => {
  await newEnrolledStudent(page);
  const unknown = [
    "/courses/no-such-course",
    `/courses/no-such-course/lessons/${DEMO.firstLesson}`,
    `/courses/no-such-course/assignments/dense-forward`,
    `${course}/lessons/99-no-such-lesson`,
    `${course}/assignments/no-such-exercise`,
    `${course}/assignments/no-such-exercise/history`,
    // Real slugs, wrong course: this course has no lessons; this one does not assign that exercise.
    `/courses/${STATES.courseSlug}/lessons/${DEMO.firstLesson}`,
    `/courses/${GRADEBOOK.courseSlug}/assignments/adam`,
    // A real assignment of a course this student has not joined: no history of theirs exists.
    `/courses/${STATES.courseSlug}/assignments/dense-forward/history`,
  ];
  const statuses: Record<string, number | undefined> = {};
  for (const path of unknown) {
    const res = await page.goto(path);
    statuses[path] = res?.status();
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
    await expect(page.locator('meta[name="robots"]'), path).toHaveAttribute("content", /noindex/);
  }
  expect(statuses).toEqual(Object.fromEntries(unknown.map((path) => [path, 404])));

  // The same routes with real slugs still answer 200 with their page.
  const known: [string, string | RegExp][] = [
    [course, DEMO.courseTitle],
    [`${course}/lessons/${DEMO.firstLesson}`, "Tensors and the neuron"],
    [`${course}/assignments/dense-forward`, "A dense layer, forward"],
    [`${course}/assignments/dense-forward/history`, /A dense layer, forward/],
  ];
  for (const [path, heading] of known) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: heading }), path).toBeVisible();
  }
});

test("signed out, an unknown course page still asks to sign in first", async ({ page }) => {
  await page.goto("/courses/no-such-course/lessons/99-no-such-lesson");
  await expect(page).toHaveURL(/\/signin\?next=/);
});
