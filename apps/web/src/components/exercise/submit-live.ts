/**
 * Submits code and follows its grading on the same answer: the request accepts
 * text/event-stream, and the server answers 201 with a stream that starts with the new attempt and
 * sends each later state (see the submissions route). No second connection is opened, so the grade
 * shows the moment it is stored. An answer as JSON (the account's stream limit reached) is the
 * attempt alone; refusals are JSON errors, thrown as ApiCallError like any API call.
 */
import { STREAM_STALL_MS } from "../../lib/exercise/backoff.ts";
import type { SubmissionView, SubmittedView } from "../../lib/exercise/schemas.ts";
import { readSse } from "../../lib/live/sse-read.ts";
import { ApiCallError, apiRequest, parseAnswer, readAnswer } from "./fetch-json.ts";

export interface LiveSubmission {
  created: SubmittedView;
  /** Settles when the answer's stream ends: after a final state, or broken (follow the usual way then). */
  followed: Promise<void>;
}

const LOST = "The connection closed before the server confirmed your submission. Open your attempts to see whether it was stored.";

/** `onView` gets every state in order, the new attempt first. */
export async function submitLive(url: string, code: string, onView: (view: SubmissionView) => void): Promise<LiveSubmission> {
  // A silent stream (no event, not even the server's ping) is given up, like the page's own stream.
  const controller = new AbortController();
  let stall: ReturnType<typeof setTimeout> | undefined;
  const armStall = () => {
    clearTimeout(stall);
    stall = setTimeout(() => controller.abort(), STREAM_STALL_MS);
  };
  armStall();
  let res: Response;
  try {
    res = await apiRequest(url, { method: "POST", body: { code }, accept: "text/event-stream, application/json", signal: controller.signal });
  } catch (e) {
    clearTimeout(stall);
    throw (e as Error).name === "AbortError" ? new ApiCallError(0, "network", LOST) : e;
  }
  const streamed = res.ok && res.body !== null && (res.headers.get("content-type") ?? "").startsWith("text/event-stream");
  if (!streamed || res.body === null) {
    clearTimeout(stall);
    const created = await readAnswer(res, (s) => s.SubmittedViewSchema);
    onView(created);
    return { created, followed: Promise.resolve() };
  }
  const views = submissionEvents(res.body, armStall);
  const first = await views.next().catch(() => ({ done: true as const, value: undefined }));
  if (first.done) {
    clearTimeout(stall);
    throw new ApiCallError(0, "network", LOST);
  }
  let created: SubmittedView;
  try {
    created = await parseAnswer(first.value, (s) => s.SubmittedViewSchema);
  } catch (e) {
    clearTimeout(stall);
    controller.abort();
    throw e;
  }
  onView(created);
  const followed = (async () => {
    for await (const body of views) onView(await parseAnswer(body, (s) => s.SubmissionViewSchema));
  })()
    .catch(() => undefined) // broken or unreadable: the caller follows the usual way
    .finally(() => clearTimeout(stall));
  return { created, followed };
}

/** The JSON bodies of the stream's `submission` events; every event (pings too) calls `alive`. */
async function* submissionEvents(body: ReadableStream<Uint8Array>, alive: () => void): AsyncGenerator<unknown> {
  for await (const frame of readSse(body)) {
    alive();
    if (frame.event === "submission") yield JSON.parse(frame.data) as unknown;
  }
}
