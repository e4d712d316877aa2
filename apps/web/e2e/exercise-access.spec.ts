// Who may see what: every exercise API route answers anonymous callers with 401 and other
// students with 404 (never data), and nothing the browser receives for the exercise page (HTML,
// JS chunks including the worker's, API JSON) contains hidden test names, the reference solution
// or mutant code.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, apiSignIn, newEnrolledStudent, uniqueEmail } from "./helpers.ts";

const EXERCISE = "dense-forward";
const PAGE = `/courses/${DEMO.courseSlug}/assignments/${EXERCISE}`;

interface Secrets {
  hiddenNames: string[];
  publicNames: string[];
  solutionLines: string[];
  mutantLines: string[];
}

/** Trusted material read from the exercise folder with the exercise-kit (outside the app). */
function readSecrets(): Secrets {
  const root = join(import.meta.dirname, "../../..");
  const script = `
    import { loadExercise } from "@course/exercises";
    import { planGrading } from "@course/exercise-kit";
    const ex = await loadExercise(${JSON.stringify(EXERCISE)});
    const names = (v) => planGrading(ex, { seed: 1, visibility: v }).cases.map((c) => c.name);
    const visibleText = [ex.starter, ex.statements.en, ex.statements["zh-CN"]].join("\\n");
    const visible = new Set(visibleText.split("\\n").map((l) => l.trim()));
    const distinctive = (src) => src.split("\\n").map((l) => l.trim()).filter((l) => l.length >= 16 && !visible.has(l) && !l.startsWith("//") && !l.startsWith("*") && !l.startsWith("/*") && !l.startsWith("import ") && !l.startsWith("export function"));
    const solution = new Set(distinctive(ex.solution));
    process.stdout.write(JSON.stringify({
      // Names short or generic enough to occur in ordinary text are left out.
      hiddenNames: names("hidden").filter((n) => n.length >= 8 && !visibleText.includes(n) && !names("public").includes(n)),
      publicNames: names("public"),
      solutionLines: [...solution],
      mutantLines: [...new Set(ex.mutants.flatMap((m) => distinctive(m.source)))].filter((l) => !solution.has(l)),
    }));
  `;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: join(root, "exercises"),
    encoding: "utf8",
    env: { ...process.env, NODE_NO_WARNINGS: "1" },
  });
  return JSON.parse(out.slice(out.indexOf("{"), out.lastIndexOf("}") + 1)) as Secrets;
}

async function assignmentId(page: Page): Promise<string> {
  await page.goto(PAGE);
  const id = await page.getByTestId("workspace").getAttribute("data-assignment-id");
  expect(id).toBeTruthy();
  return id!;
}

type Call = { method: "GET" | "POST" | "PUT"; url: string; data?: unknown };

function routes(assignment: string, submission: string): Call[] {
  return [
    { method: "GET", url: `/api/assignments/${assignment}/draft` },
    { method: "PUT", url: `/api/assignments/${assignment}/draft`, data: { code: "x" } },
    { method: "GET", url: `/api/assignments/${assignment}/submissions` },
    { method: "POST", url: `/api/assignments/${assignment}/submissions`, data: { code: "export const x = 1;" } },
    { method: "GET", url: `/api/submissions/${submission}` },
    { method: "GET", url: `/api/exercises/${EXERCISE}/public-tests` },
    {
      method: "POST",
      url: `/api/exercises/${EXERCISE}/public-tests/score`,
      data: { realm: { load: { ok: true }, results: [], logs: [] }, sourceMap: null, durationMs: 1 },
    },
    { method: "POST", url: "/api/compile", data: { source: "export const x = 1;" } },
  ];
}

async function call(request: APIRequestContext, c: Call) {
  const res = await request.fetch(c.url, { method: c.method, ...(c.data === undefined ? {} : { data: c.data }) });
  const text = await res.text();
  return { status: res.status(), text };
}

test("anonymous callers get 401 JSON from every exercise API route", async ({ page, playwright, baseURL }) => {
  // A real submission id (the owner's), to prove even a valid id gives nothing away.
  await newEnrolledStudent(page);
  const assignment = await assignmentId(page);
  const created = await page.request.post(`/api/assignments/${assignment}/submissions`, { data: { code: "export const x = 1;" } });
  expect(created.status()).toBe(201);
  const submission = ((await created.json()) as { id: string }).id;

  const anon = await playwright.request.newContext({ baseURL });
  for (const c of routes(assignment, submission)) {
    const { status, text } = await call(anon, c);
    expect(status, `${c.method} ${c.url}`).toBe(401);
    expect(JSON.parse(text)).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  }
  await anon.dispose();
});

test("another student sees none of a student's drafts or submissions", async ({ page, browser }) => {
  // Owner: a fresh enrolled student with a draft and a submission.
  await newEnrolledStudent(page);
  const assignment = await assignmentId(page);
  const secretCode = `// owner-secret-${Date.now()}\nexport const x = 1;\n`;
  expect((await page.request.put(`/api/assignments/${assignment}/draft`, { data: { code: secretCode } })).status()).toBe(200);
  const created = await page.request.post(`/api/assignments/${assignment}/submissions`, { data: { code: secretCode } });
  expect(created.status()).toBe(201);
  const submission = ((await created.json()) as { id: string }).id;

  // Another student in the same course: their own (empty) state, never the owner's.
  const other = await browser.newPage();
  await newEnrolledStudent(other);
  const one = await other.request.get(`/api/submissions/${submission}`);
  expect(one.status()).toBe(404);
  expect(await one.text()).not.toContain("owner-secret");
  const list = await other.request.get(`/api/assignments/${assignment}/submissions`);
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ submissions: [] });
  const draft = await other.request.get(`/api/assignments/${assignment}/draft`);
  expect(await draft.json()).toEqual({ draft: null });
  await other.goto(`${PAGE}/history`);
  await expect(other.getByTestId("history-empty")).toBeVisible();
  expect(await other.content()).not.toContain("owner-secret");
  await other.close();

  // A signed-in user who is not enrolled: 404 everywhere (the exercise's existence is not confirmed).
  const outsider = await browser.newPage();
  const email = uniqueEmail("outsider");
  expect((await outsider.request.post("/api/signup", { data: { name: "Outsider", email, password: "correct-horse-9" } })).status()).toBe(201);
  await apiSignIn(outsider, email, "correct-horse-9");
  for (const c of routes(assignment, submission)) {
    const { status, text } = await call(outsider.request, c);
    if (c.url === "/api/compile") {
      // Compiling is not tied to an assignment: any signed-in user may, and it returns no data of others.
      expect(status).toBe(200);
      continue;
    }
    expect(status, `${c.method} ${c.url}`).toBe(404);
    expect(text).not.toContain("owner-secret");
    expect(JSON.parse(text)).toHaveProperty("error.code", "not_found");
  }
  await outsider.close();
});

test("the page, its JS chunks (worker included) and its API answers hold no hidden tests, solution or mutants", async ({ page }) => {
  const secrets = readSecrets();
  expect(secrets.hiddenNames.length).toBeGreaterThan(0);
  expect(secrets.solutionLines.length).toBeGreaterThan(0);
  expect(secrets.mutantLines.length).toBeGreaterThan(0);

  const bodies: { url: string; text: string }[] = [];
  // Bodies arrive after their response event: keep the reads to wait for them before checking.
  const reads: Promise<void>[] = [];
  page.on("response", (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (!/javascript|json|html/.test(type)) return;
    reads.push(
      res.text().then(
        (text) => void bodies.push({ url: res.url(), text }),
        () => undefined, // a redirect or aborted response has no body
      ),
    );
  });

  await newEnrolledStudent(page);
  await page.goto(PAGE);
  await expect(page.locator('[data-editor-ready="true"]')).toBeVisible({ timeout: 30_000 });
  // Running the public tests loads the worker chunk and the public fixtures.
  await page.getByRole("button", { name: "Run public tests" }).click();
  await expect(page.getByTestId("public-summary")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("public-tests").locator("li")).toHaveCount(secrets.publicNames.length);
  await page.goto(`${PAGE}/history`);
  await Promise.all(reads);

  const html = bodies.filter((b) => b.url.includes(PAGE));
  const scripts = bodies.filter((b) => b.url.includes("/_next/static/"));
  expect(html.length).toBeGreaterThan(0);
  // The worker's realm code was among the scripts checked.
  expect(scripts.some((b) => b.text.includes("is not available in this exercise"))).toBe(true);
  for (const b of bodies) {
    for (const name of secrets.hiddenNames) expect(b.text, `hidden test name "${name}" in ${b.url}`).not.toContain(name);
    for (const line of secrets.solutionLines) expect(b.text, `solution line "${line}" in ${b.url}`).not.toContain(line);
    for (const line of secrets.mutantLines) expect(b.text, `mutant line "${line}" in ${b.url}`).not.toContain(line);
  }
});
