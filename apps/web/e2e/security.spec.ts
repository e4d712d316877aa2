// The web security layer seen from outside (docs/security.md): cross-origin requests from the
// same site, sign-in limits per (account, address), sessions that end, body caps, redirects built
// from the configured site URL, and the Content-Security-Policy the app keeps working under.
import { expect, test, type Page } from "@playwright/test";
import { request as httpRequest, createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { DEMO, apiSignIn, editorReady, newEnrolledStudent, replaceCode, uniqueEmail } from "./helpers.ts";

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A plain HTTP request from a chosen loopback address, with exactly the headers given (Host too). */
function raw(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string; localAddress?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

function cookiesOf(res: RawResponse): string {
  const set = res.headers["set-cookie"] ?? [];
  return (Array.isArray(set) ? set : [set]).map((c) => c.split(";")[0]).join("; ");
}

/** Signs in through next-auth's endpoints from `localAddress`; the session cookie, or the error. */
async function signInFrom(baseURL: string, localAddress: string, email: string, password: string): Promise<{ session?: string; error?: string }> {
  const csrf = await raw(`${baseURL}/api/auth/csrf`, { localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const res = await raw(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    localAddress,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf), "x-forwarded-for": "127.0.0.1" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const session = cookiesOf(res)
    .split("; ")
    .find((c) => c.startsWith("next-auth.session-token="));
  if (session && !session.endsWith("=")) return { session };
  const location = String(res.headers.location ?? JSON.parse(res.body || "{}").url ?? "");
  return { error: new URL(location, baseURL).searchParams.get("error") ?? `status ${res.status}` };
}

/** Serves one page on another port of the same host: same site, another origin. */
async function siblingOrigin(html: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

async function lessonStatus(page: Page): Promise<string | null> {
  const res = await page.request.get(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
  return /name="event" value="(\w+)"/.exec(await res.text())?.[1] ?? null;
}

test.describe("cross-origin requests from the same site", () => {
  test("get 403 with every content type, and change nothing", async ({ page }) => {
    await newEnrolledStudent(page);
    const sibling = "http://127.0.0.1:1"; // same site (host), another origin (port)
    const before = await lessonStatus(page);
    expect(before).toBe("complete"); // not done yet
    const bodies = {
      "application/json": JSON.stringify({ lessonId: "x", event: "complete", locale: "zh-CN", code: "export const x = 1;" }),
      "text/plain": JSON.stringify({ locale: "zh-CN" }),
      "application/x-www-form-urlencoded": "locale=zh-CN&event=complete",
      "multipart/form-data; boundary=b": '--b\r\ncontent-disposition: form-data; name="locale"\r\n\r\nzh-CN\r\n--b--\r\n',
    };
    await page.goto(`/courses/${DEMO.courseSlug}/assignments/dense-forward`);
    const assignment = await page.getByTestId("workspace").getAttribute("data-assignment-id");
    const submissions = `/api/assignments/${assignment}/submissions`;
    const paths = ["/api/locale", "/api/progress", "/api/enroll", "/api/signout", "/api/signup", "/api/auth/signout", submissions, `/api/assignments/${assignment}/draft`];
    for (const path of paths) {
      for (const [type, data] of Object.entries(bodies)) {
        for (const headers of [{ origin: sibling }, { "sec-fetch-site": "same-site" }] as Record<string, string>[]) {
          const init = { headers: { ...headers, "content-type": type }, data };
          const res = path.endsWith("/draft") ? await page.request.put(path, init) : await page.request.post(path, init);
          expect(res.status(), `${path} ${type} ${JSON.stringify(headers)}`).toBe(403);
        }
      }
    }
    // Still signed in, still English, the lesson still not done, no attempt used, no draft saved.
    expect((await (await page.request.get("/api/auth/session")).json()).user).toBeTruthy();
    expect(await lessonStatus(page)).toBe("complete");
    expect((await (await page.request.get(submissions)).json()).submissions).toEqual([]);
    expect((await (await page.request.get(`/api/assignments/${assignment}/draft`)).json()).draft).toBeNull();
    await page.goto("/my");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("a page on another port cannot post a form with the victim's cookies", async ({ page, baseURL }) => {
    await newEnrolledStudent(page);
    const lessonId = /name="lessonId" value="([^"]+)"/.exec(await (await page.request.get(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`)).text())?.[1];
    expect(lessonId).toBeTruthy();
    const attacker = await siblingOrigin(`<!doctype html><title>x</title>
      <form id="f" method="post" action="${baseURL}/api/progress" enctype="text/plain"><input name='{"lessonId":"${lessonId}","event":"complete","x":"' value='"}'></form>
      <form id="g" method="post" action="${baseURL}/api/locale"><input name="locale" value="zh-CN"></form>
      <script>document.getElementById(location.hash === "#g" ? "g" : "f").submit()</script>`);
    try {
      for (const hash of ["#f", "#g"]) {
        const answer = page.waitForResponse((r) => r.url().startsWith(`${baseURL}/api/`));
        await page.goto(attacker.url + hash);
        expect((await answer).status()).toBe(403);
      }
    } finally {
      attacker.server.close();
    }
    expect(await lessonStatus(page)).toBe("complete");
    await page.goto("/my");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  test("the site's own forms still post natively (CSRF token), and one without the token is refused", async ({ browser, baseURL }) => {
    const context = await browser.newContext({ baseURL: baseURL!, javaScriptEnabled: false });
    const page = await context.newPage();
    await apiSignIn(page, DEMO.student.email, DEMO.student.password);
    await page.goto(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByTestId("language-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const noToken = await page.request.post("/api/locale", { form: { locale: "zh-CN" } });
    expect(noToken.status()).toBe(403);
    expect((await noToken.json()).error.code).toBe("invalid_csrf_token");
    await context.close();
  });
});

test.describe("sign-in limits", () => {
  test("an attacker on 127.0.0.2 cannot lock the owner on 127.0.0.1 out, nor dodge the limit with X-Forwarded-For", async ({ page, baseURL }) => {
    const { email, password } = await newEnrolledStudent(page);
    for (let i = 0; i < 6; i++) {
      const r = await signInFrom(baseURL!, "127.0.0.2", email, `wrong-guess-${i}`);
      expect(r.session).toBeUndefined();
    }
    // The attacker is blocked, even with the right password and a forged forwarding header.
    expect((await signInFrom(baseURL!, "127.0.0.2", email, password)).error).toMatch(/^rate_limited:/);
    // The owner, on an address that has not failed, gets in.
    const owner = await signInFrom(baseURL!, "127.0.0.1", email, password);
    expect(owner.session).toBeTruthy();
  });
});

test.describe("sessions", () => {
  test("sign-out ends the session: a copy of the old cookie no longer signs anyone in", async ({ page, browser, baseURL }) => {
    await newEnrolledStudent(page);
    const copied = (await page.context().cookies()).filter((c) => c.name.includes("next-auth.session-token"));
    expect(copied.length).toBeGreaterThan(0);
    await page.goto("/my");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);

    const thief = await browser.newContext({ baseURL: baseURL! });
    await thief.addCookies(copied);
    expect((await (await thief.request.get("/api/auth/session")).json()).user).toBeUndefined();
    const enroll = await thief.request.post("/api/enroll", { data: { code: DEMO.joinCode } });
    expect(enroll.status()).toBe(401);
    const other = await thief.newPage();
    await other.goto("/my");
    await expect(other).toHaveURL(/\/signin\?next=%2Fmy$/);
    await thief.close();
  });
});

test.describe("limits and redirects", () => {
  test("a body over the cap is refused with 413 before it is read, even anonymously", async ({ request }) => {
    const big = "x".repeat(2 * 1024 * 1024);
    const res = await request.post("/api/signup", { headers: { "content-type": "application/json" }, data: big });
    expect(res.status()).toBe(413);
    expect((await res.json()).error.code).toBe("too_large");
  });

  test("sign-up answers the same for a new email and one that has an account", async ({ request }) => {
    const fresh = await request.post("/api/signup", { data: { name: "New", email: uniqueEmail("fresh"), password: "correct-horse-9" } });
    const taken = await request.post("/api/signup", { data: { name: "Again", email: DEMO.student.email, password: "correct-horse-9" } });
    expect([fresh.status(), taken.status()]).toEqual([201, 201]);
    expect(await taken.json()).toEqual(await fresh.json());
  });

  test("the sign-in redirect is built from the configured site URL, not the Host header", async ({ baseURL }) => {
    const res = await raw(`${baseURL}/my`, { headers: { host: "evil.example" } });
    expect(res.status).toBe(307);
    // Next shortens a same-origin Location to a path; either way it leads to the configured site.
    const location = String(res.headers.location);
    expect(location).not.toContain("evil.example");
    expect(new URL(location, baseURL).toString()).toBe(`${baseURL}/signin?next=%2Fmy`);
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce CSP, deny framing and set the other headers; API answers too", async ({ request }) => {
    const home = await request.get("/");
    const csp = home.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    const html = await home.text();
    // Every script of the page carries this response's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    for (const res of [home, await request.get("/api/health")]) {
      expect(res.headers()["x-frame-options"]).toBe("DENY");
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    }
    // Served over http here: no HSTS (it is sent when NEXTAUTH_URL is https).
    expect(home.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("under the CSP the editor, the pre-check worker, the lessons and KaTeX's fonts work, with no violation", async ({ page }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await newEnrolledStudent(page);

    await page.goto(`/courses/${DEMO.courseSlug}/lessons/${DEMO.firstLesson}`);
    const prose = page.locator(".prose");
    await expect(prose.locator(".katex").first()).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].some((f) => f.family.includes("KaTeX_Main") && f.status === "loaded");
        }),
      )
      .toBe(true);

    await page.goto(`/courses/${DEMO.courseSlug}/assignments/dense-forward`);
    await editorReady(page);
    await replaceCode(page, `import * as tf from "@tensorflow/tfjs";

export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, w), b));
}
`);
    await page.getByRole("button", { name: "Run public tests" }).click();
    await expect(page.getByTestId("public-summary")).toHaveAttribute("data-status", "passed", { timeout: 60_000 });
    expect(violations).toEqual([]);
  });
});
