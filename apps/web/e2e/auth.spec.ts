import { expect, test } from "@playwright/test";
import { DEMO, uniqueEmail } from "./helpers.ts";

test.describe("accounts", () => {
  test("sign up shows each rule next to its field, then creates the account and signs in", async ({ page }) => {
    await page.goto("/signup");
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await page.getByLabel("Name").fill("Grace Hopper");
    await page.getByLabel("Email").fill("grace@");
    await page.getByLabel("Password").fill("short1");
    await page.getByRole("button", { name: "Create account" }).click();

    await expect(page.locator("form .alert")).toHaveText("Please fix the highlighted fields.");
    await expect(page.locator("#email-error")).toHaveText("Enter a valid email address, like name@example.com.");
    await expect(page.locator("#password-error")).toHaveText("The password must be at least 10 characters long.");
    await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email")).toBeFocused();

    const email = uniqueEmail("grace");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("cobol-compiler-1959");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/my$/);
    await expect(page.getByRole("heading", { name: "You are not enrolled in any course yet" })).toBeVisible();
    await expect(page.getByText("Signed in as Grace Hopper")).toBeVisible();

    // The same email cannot sign up twice, and the answer does not say the account exists: only
    // signing in with the account's own password would work.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/signup");
    await page.getByLabel("Name").fill("Grace Again");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another-password-2");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("form .alert")).toHaveText("We could not sign you in with this email and password. If you already have an account, sign in with its password.");
    await expect(page.getByRole("link", { name: "Go to sign in" })).toHaveAttribute("href", /^\/signin\?next=/);
    await expect(page).toHaveURL(/\/signup/);
  });

  test("sign in, sign out, and a wrong password", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email").fill(DEMO.student.email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form .alert")).toHaveText("Wrong email or password.");

    await page.getByLabel("Password").fill(DEMO.student.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/my$/);
    await expect(page.getByRole("link", { name: DEMO.courseTitle })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/my");
    await expect(page).toHaveURL(/\/signin\?next=%2Fmy$/);
  });

  test("repeated wrong passwords are rate limited with a clear message", async ({ page }) => {
    const email = uniqueEmail("victim");
    await page.goto("/signin");
    await page.getByLabel("Email").fill(email);
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Password").fill(`wrong-guess-${i}`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.locator("form .alert")).toHaveText("Wrong email or password.");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    }
    await page.getByLabel("Password").fill("wrong-guess-5");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form .alert")).toHaveText("Too many failed sign-in attempts. Try again in 15 minutes.");
  });

  test("signed-out visitors are redirected from pages and get 401 JSON from APIs", async ({ page, request }) => {
    await page.goto(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
    await expect(page).toHaveURL(new RegExp(`/signin\\?next=${encodeURIComponent(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`)}$`));
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    for (const [path, data] of [
      ["/api/enroll", { code: DEMO.joinCode }],
      ["/api/progress", { lessonId: "x", event: "complete" }],
    ] as const) {
      const res = await request.post(path, { data });
      expect(res.status()).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
    }
  });

  test("before its script runs, a form cannot be sent natively (no password in a URL, nothing typed lost)", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, button] of [["/signin", "Sign in"], ["/signup", "Create account"]] as const) {
      await page.goto(path);
      await expect(page.locator("form.form")).toHaveAttribute("method", "post");
      await expect(page.getByRole("button", { name: button, exact: true })).toBeDisabled();
      await page.getByLabel("Email").fill(DEMO.student.email);
      await page.getByLabel("Password").fill(DEMO.student.password);
      await page.getByLabel("Password").press("Enter");
      expect(page.url()).not.toContain("password");
      await expect(page.getByLabel("Password")).toHaveValue(DEMO.student.password);
    }
    await context.close();
  });
});
