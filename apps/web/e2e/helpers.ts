import { expect, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { join } from "node:path";

/** The demo data seeded by @course/db's seedDemo (docs/web-layout.md). */
export const DEMO = {
  courseSlug: "deep-learning-from-scratch",
  courseTitle: "Deep Learning from Scratch in TypeScript",
  student: { email: "student@example.com", password: "student-pass-1" },
  instructor: { email: "instructor@example.com", password: "instructor-pass-1" },
  joinCode: "DLTS-2026",
  expiredJoinCode: "EXPIRED-2020",
  firstLesson: "01-tensors-and-the-neuron",
} as const;

export function uniqueEmail(prefix = "learner"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

/** Signs in through next-auth's own endpoints (CSRF token + credentials callback). */
export async function apiSignIn(page: Page, email: string, password: string): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
  });
  expect(res.ok(), `sign-in for ${email} failed with ${res.status()}`).toBe(true);
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user?.email).toBe(email);
}

/** A brand-new account, signed in, enrolled with `code` (the demo course's by default), so tests never share progress. */
export async function newEnrolledStudent(page: Page, code: string = DEMO.joinCode): Promise<{ email: string; password: string }> {
  const email = uniqueEmail();
  const password = "correct-horse-9";
  const signup = await page.request.post("/api/signup", { data: { name: "Test Learner", email, password } });
  expect(signup.status()).toBe(201);
  await apiSignIn(page, email, password);
  const enroll = await page.request.post("/api/enroll", { data: { code } });
  expect(enroll.status()).toBe(201);
  return { email, password };
}

/** Waits for the exercise page's code editor and returns its content element. */
export async function editorReady(page: Page) {
  // The editor loads once it comes into view; after a reload the browser restores the scroll
  // position, which may be below it (a long graded result), so bring it into view as a reader would.
  await page.locator(".exercise-editor").scrollIntoViewIfNeeded();
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
  return page.locator(".cm-content");
}

/** Replaces everything in the exercise page's editor with `code`, typed as a user would paste it. */
export async function replaceCode(page: Page, code: string): Promise<void> {
  const content = await editorReady(page);
  await content.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** An instructor account made as a platform admin would, with the admin CLI, in the e2e database. */
export function createInstructorWithCli(account: { email: string; password: string; name: string }): void {
  execFileSync("pnpm", ["-s", "admin", "create-user", "--email", account.email, "--name", account.name, "--role", "instructor", "--password-stdin"], {
    cwd: join(import.meta.dirname, "../../.."),
    input: `${account.password}\n`,
    env: { ...process.env, DATABASE_URL: `file:${join(process.env.E2E_DIR!, "e2e.db")}` },
  });
}
