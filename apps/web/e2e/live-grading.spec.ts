// Live results: the grade is pushed to the exercise page over server-sent events on the
// submission's own answer (no polling, no second connection); when that stream breaks the page
// follows the submission's events stream, and when that fails too it polls. Only the owner and the
// course's staff may follow a submission's stream, which starts with the current state.
import { expect, test, type Page, type Request, type Route } from "@playwright/test";
import { DEMO, apiSignIn, editorReady, newEnrolledStudent, replaceCode } from "./helpers.ts";

const PAGE = `/courses/${DEMO.courseSlug}/assignments/dense-forward`;
const SOLUTION = `import * as tf from "@tensorflow/tfjs";

export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, w), b));
}
`;
const POLL = /\/api\/submissions\/[^/?]+$/;
const STREAM = /\/api\/submissions\/[^/?]+\/events$/;
const SUBMIT = /\/api\/assignments\/[^/?]+\/submissions$/;
/** The first `submission` event of an event stream (the attempt just stored). */
const FIRST_EVENT = /^(?:retry: \d+\n\n)?event: submission\ndata: (.*)\n\n/;

/** Requests made for one submission's state, by kind, in order. */
function recordFollowing(page: Page) {
  const polls: Request[] = [];
  const streams: Request[] = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === "GET" && POLL.test(path)) polls.push(r);
    if (r.method() === "GET" && STREAM.test(path)) streams.push(r);
  });
  return { polls, streams };
}

/** Submits the solution (a new student's first attempt); the attempt's id, as the page shows it. */
async function submitCorrect(page: Page): Promise<string> {
  await page.goto(PAGE);
  await editorReady(page);
  await replaceCode(page, SOLUTION);
  const created = page.waitForResponse((r) => r.request().method() === "POST" && SUBMIT.test(new URL(r.url()).pathname));
  await page.getByRole("button", { name: "Submit" }).click();
  expect((await created).status()).toBe(201);
  const result = page.getByTestId("submission-result");
  await expect(result).toContainText("Attempt 1");
  return (await result.getAttribute("data-submission-id"))!;
}

/** The submission's answer as the server gives it, then changed by `edit` (headers and body text). */
async function rewriteAnswer(route: Route, edit: (body: string, contentType: string) => { body: string; contentType?: string }, accept?: string) {
  const headers = { ...route.request().headers(), ...(accept ? { accept } : {}) };
  const answer = await route.fetch({ headers });
  const contentType = answer.headers()["content-type"] ?? "";
  const out = edit(await answer.text(), contentType);
  await route.fulfill({ status: answer.status(), contentType: out.contentType ?? contentType, body: out.body });
}

test("the grade arrives pushed on the submission's own answer, with no second connection and no polling", async ({ page }) => {
  await newEnrolledStudent(page);
  const { polls, streams } = recordFollowing(page);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && SUBMIT.test(new URL(r.url()).pathname));
  await submitCorrect(page);
  const result = page.getByTestId("submission-result");
  await expect(result).toHaveAttribute("data-status", "graded", { timeout: 60_000 });
  await expect(page.getByTestId("submission-score")).toContainText("100 / 100");
  await expect(page.getByTestId("live-region")).toContainText("Graded");
  // The answer itself was the stream (its body is not kept by the browser for streamed answers).
  expect((await answered).headers()["content-type"]).toMatch(/^text\/event-stream/);
  expect(streams).toHaveLength(0);
  expect(polls).toHaveLength(0);
  // Submitting also saved the code as the server's draft.
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  const assignmentId = await page.getByTestId("workspace").getAttribute("data-assignment-id");
  const draft = (await (await page.request.get(`/api/assignments/${assignmentId}/draft`)).json()) as { draft: { code: string } | null };
  expect(draft.draft?.code).toContain("tf.add(tf.matMul(x, w), b)");
});

test("follows the submission's events stream when the answer's stream breaks after the attempt", async ({ page }) => {
  await newEnrolledStudent(page);
  await page.route(SUBMIT, (route) =>
    route.request().method() === "POST" ? rewriteAnswer(route, (body) => ({ body: FIRST_EVENT.exec(body)?.[0] ?? body })) : route.fallback(),
  );
  const { polls, streams } = recordFollowing(page);
  const id = await submitCorrect(page);
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", { timeout: 60_000 });
  await expect(page.getByTestId("submission-score")).toContainText("100 / 100");
  expect(streams.map((r) => new URL(r.url()).pathname)).toContain(`/api/submissions/${id}/events`);
  expect(polls).toHaveLength(0);
});

test("falls back to polling when no stream works", async ({ page }) => {
  await newEnrolledStudent(page);
  // The answer comes as JSON (as past the account's stream limit), and the events stream fails.
  await page.route(SUBMIT, (route) => (route.request().method() === "POST" ? rewriteAnswer(route, (body) => ({ body }), "application/json") : route.fallback()));
  await page.route(STREAM, (route) => route.abort("connectionreset"));
  const { polls, streams } = recordFollowing(page);
  await submitCorrect(page);
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", { timeout: 60_000 });
  await expect(page.getByTestId("submission-score")).toContainText("100 / 100");
  expect(streams.length).toBeGreaterThan(0);
  expect(polls.length).toBeGreaterThan(0);
});

test("only the owner and the course's staff may follow a submission; a late reader gets the current state", async ({ page, browser }) => {
  await newEnrolledStudent(page);
  const id = await submitCorrect(page);
  await expect(page.getByTestId("submission-result")).toHaveAttribute("data-status", "graded", { timeout: 60_000 });

  // Connecting after the grade (as after a web restart): the first event is the graded state, then the stream ends.
  const own = await page.request.get(`/api/submissions/${id}/events`);
  expect(own.status()).toBe(200);
  const text = await own.text();
  expect(text).toMatch(/^event: submission\ndata: \{.*"status":"graded"/m);
  expect(text.match(/^event: submission$/gm)).toHaveLength(1);

  const other = await browser.newContext();
  try {
    const stranger = await other.newPage();
    await newEnrolledStudent(stranger);
    const refused = await stranger.request.get(`/api/submissions/${id}/events`);
    expect(refused.status()).toBe(404);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("not_found");

    await stranger.context().clearCookies();
    expect((await stranger.request.get(`/api/submissions/${id}/events`)).status()).toBe(401);

    await apiSignIn(stranger, DEMO.instructor.email, DEMO.instructor.password);
    const staff = await stranger.request.get(`/api/submissions/${id}/events`);
    expect(staff.status()).toBe(200);
    expect(await staff.text()).toMatch(/"status":"graded"/);
  } finally {
    await other.close();
  }
});
