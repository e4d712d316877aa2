import { expect, test } from "@playwright/test";
import { apiSignIn, DEMO, newEnrolledStudent } from "./helpers.ts";

test("the language switch shows Simplified Chinese and remembers it in a cookie and on the account", async ({ page, context }) => {
  const { email, password } = await newEnrolledStudent(page);
  await page.goto(`/courses/${DEMO.courseSlug}`);
  await expect(page.getByRole("heading", { level: 2, name: "Lessons" })).toBeVisible();

  await page.getByTestId("language-switch").click();
  await expect(page).toHaveURL(new RegExp(`/courses/${DEMO.courseSlug}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "用 TypeScript 从零实现深度学习" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "作业" })).toBeVisible();
  const cookie = (await context.cookies()).find((c) => c.name === "locale");
  expect(cookie?.value).toBe("zh-CN");

  // Without the cookie (another browser), the account's saved choice still applies after sign-in.
  await context.clearCookies();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await apiSignIn(page, email, password);
  await page.goto("/my");
  await expect(page.getByRole("heading", { level: 1, name: "我的课程" })).toBeVisible();

  // And back to English.
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { level: 1, name: "My courses" })).toBeVisible();
});

test("a first visit follows the browser's language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" } });
  const page = await context.newPage();
  try {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "登录" })).toBeVisible();
    await page.getByLabel("邮箱").fill("nobody@");
    await page.getByLabel("密码").fill("x");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#email-error")).toHaveText("请输入有效的邮箱地址，例如 name@example.com。");
  } finally {
    await context.close();
  }
});
