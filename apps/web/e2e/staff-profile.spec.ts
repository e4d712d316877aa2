// Everyone's profile: name, language and password (the current one required; a change ends the
// session, which signs in again with the new password).
import { expect, test } from "@playwright/test";
import { apiSignIn } from "./helpers.ts";
import { newAccount } from "./staff-helpers.ts";

test("a user changes their name, language and password", async ({ page }) => {
  const account = await newAccount(page, "Old Name");
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  await page.getByLabel("Name").fill("");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByTestId("form-error")).toContainText("The name is required.");
  await page.getByLabel("Name").fill("New Name 新名字");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "资料已保存。" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByText("New Name 新名字", { exact: false }).first()).toBeVisible();
  await page.getByRole("combobox", { name: "语言" }).selectOption("en");
  await page.getByRole("button", { name: "保存资料" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // Password: the current one must be right.
  await page.getByLabel("Current password").fill("not-my-password-1");
  await page.getByLabel("New password").fill("changed-pass-22");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("form-error")).toContainText("The current password is not right.");
  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("form-error")).toContainText("at least 10 characters");
  await page.getByLabel("New password").fill("changed-pass-22");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=password_changed/);
  await expect(page.getByText("Your password is changed. Sign in again with the new one.")).toBeVisible();
  // The old session is over; the old password no longer works; the new one does.
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user).toBeUndefined();
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email: account.email, password: account.password, json: "true" } });
  expect((await (await page.request.get("/api/auth/session")).json())?.user).toBeUndefined();
  await apiSignIn(page, account.email, "changed-pass-22");
});
