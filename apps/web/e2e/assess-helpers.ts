// Shared steps of the assessment staff specs (assess-*.spec.ts).
import AxeBuilder from "@axe-core/playwright";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import { ASSESS } from "./fixtures.ts";

export const COURSE = `/courses/${ASSESS.courseSlug}`;
export const STAFF = `${COURSE}/staff/assignments`;
export const API = `/api/courses/${ASSESS.courseSlug}`;
export const EXERCISES = join(import.meta.dirname, "../../../exercises");

/** An exercise's reference solution (passes every test). */
export function solution(exercise: string): string {
  return readFileSync(join(EXERCISES, exercise, "solution.ts"), "utf8");
}

/** The id of an assignment, read from the exercise page of an enrolled student. */
export async function assignmentId(page: Page, exercise: string): Promise<string> {
  await page.goto(`${COURSE}/assignments/${exercise}`);
  const id = await page.getByTestId("workspace").getAttribute("data-assignment-id");
  expect(id).toBeTruthy();
  return id!;
}

/** Submits code through the API as the signed-in student; returns the submission id. */
export async function submit(page: Page, assignment: string, code: string): Promise<string> {
  const res = await page.request.post(`/api/assignments/${assignment}/submissions`, { data: { code } });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Waits until the real grader has finished the submission (as its owner sees it). */
export async function graded(page: Page, submissionId: string): Promise<void> {
  await expect
    .poll(async () => ((await (await page.request.get(`/api/submissions/${submissionId}`)).json()) as { status: string }).status, { timeout: 90_000 })
    .toBe("graded");
}

/** axe-core's WCAG 2.1 A/AA rules; reports violations with the offending selectors. */
export async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary).toEqual([]);
}
