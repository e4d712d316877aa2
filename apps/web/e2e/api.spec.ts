import { expect, test } from "@playwright/test";

test("health reports the database", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true, db: "up" });
});

test("API input errors are clear JSON, never a stack trace", async ({ request }) => {
  const badJson = await request.post("/api/signup", { headers: { "content-type": "application/json" }, data: Buffer.from("{not json") });
  expect(badJson.status()).toBe(400);
  expect(await badJson.json()).toEqual({ error: { code: "invalid_json", message: "The request body is not valid JSON." } });

  const badFields = await request.post("/api/signup", { data: { name: "", email: "x", password: "1" } });
  expect(badFields.status()).toBe(400);
  const body = await badFields.json();
  expect(body.error.code).toBe("invalid_input");
  expect(Object.keys(body.error.fields).sort()).toEqual(["email", "name", "password"]);

  const badLocale = await request.post("/api/locale", { data: { locale: "fr" } });
  expect(badLocale.status()).toBe(400);
  expect((await badLocale.json()).error.fields.locale).toBeTruthy();
});

test("unknown pages get the friendly not-found page", async ({ page }) => {
  const res = await page.goto("/no/such/page");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/\bat \S+ \(|node_modules|Error:/);
});
