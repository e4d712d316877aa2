// Live results: the grade is pushed to the exercise page over server-sent events (no polling), the
// page falls back to polling when the stream fails, and only the owner and the course's staff may
// follow a submission's stream, which starts with the current state.
import { expect, test, type Page, type Request } from "@playwright/test";
import { DEMO, apiSignIn, editorReady, newEnrolledStudent, replaceCode } from "./helpers.ts";

const PAGE = `/courses/${DEMO.courseSlug}/assignments/dense-forward`;
const SOLUTION = `import * as tf from "@tensorflow/tfjs";

export function denseForward(x: tf.Tensor2D, w: tf.Tensor2D, b: tf.Tensor1D): tf.Tensor2D {
  return tf.tidy(() => tf.add(tf.matMul(x, w), b));
}
`;
const POLL = /\/api\/submissions\/[^/?]+$/;
const STREAM = /\/api\/submissions\/[^/?]+\/events$/;

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

async function submitCorrect(page: Page): Promise<string> {
  await page.goto(PAGE);
  await editorReady(page);
  await replaceCode(page, SOLUTION);
  const created = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/submissions"));
  await page.getByRole("button", { name: "Submit" }).click();
  const res = await created;
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

test("the grade arrives pushed over the stream, with no polling request", async ({ page }) => {
  await newEnrolledStudent(page);
  const { polls, streams } = recordFollowing(page);
  const id = await submitCorrect(page);
  const result = page.getByTestId("submission-result");
  await expect(result).toHaveAttribute("data-status", "graded", { timeout: 60_000 });
  await expect(page.getByTestId("submission-score")).toContainText("100 / 100");
  await expect(page.getByTestId("live-region")).toContainText("Graded");
  expect(streams.map((r) => new URL(r.url()).pathname)).toContain(`/api/submissions/${id}/events`);
  const stream = await streams[0]!.response();
  expect(stream?.headers()["content-type"]).toMatch(/^text\/event-stream/);
  expect(polls).toHaveLength(0);
});

test("falls back to polling when the stream fails", async ({ page }) => {
  await newEnrolledStudent(page);
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
