import { expect, test } from "@playwright/test";
import { apiSignIn, DEMO, editorReady, newEnrolledStudent, replaceCode } from "./helpers.ts";

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

test("grading feedback reads in Chinese: public pre-check and graded submission", async ({ page, context, baseURL }) => {
  test.setTimeout(180_000);
  await newEnrolledStudent(page);
  await context.addCookies([{ name: "locale", value: "zh-CN", url: baseURL! }]);
  await page.goto(`/courses/${DEMO.courseSlug}/assignments/dense-forward`);
  await editorReady(page);
  // Leaves out the bias: the shapes are right, the values are not.
  await replaceCode(page, 'import * as tf from "@tensorflow/tfjs";\nexport function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D) {\n  void b;\n  return tf.matMul(x, w);\n}\n');

  // The browser pre-check: case names from tests.zh-CN.json, the comparison in Chinese, numbers shown.
  await page.getByRole("button", { name: "运行公开测试" }).click();
  await expect(page.getByTestId("public-summary")).toHaveAttribute("data-status", "failed", { timeout: 60_000 });
  const pub = page.getByTestId("public-tests").locator('[data-passed="false"]').first();
  await expect(pub.locator(".exercise-test__name")).toHaveText("小批量（N=4，D=3，M=5）");
  await expect(pub.locator(".exercise-test__message")).toContainText(/个元素中有 \d+ 个超出容差（atol 1\.000e-4，rtol 1\.000e-4）/);

  // The graded submission: hidden cases too, error sizes as powers of ten only.
  await page.getByRole("button", { name: "提交", exact: true }).click();
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", { timeout: 90_000 });
  const graded = page.getByTestId("graded-tests");
  await expect(graded.locator(".exercise-test__name").filter({ hasText: "零输入：输出就是偏置" })).toHaveCount(1);
  const hidden = graded.locator('[data-passed="false"]').filter({ hasText: "宽层（N=16，D=32，M=64）" });
  await expect(hidden.locator(".exercise-test__message")).toContainText(/最大绝对误差的数量级为 1e-?\d+/);
  await expect(graded).not.toContainText("differ beyond the tolerance");
});
