import { afterEach, describe, expect, it, vi } from "vitest";
import type { SubmissionView } from "../../lib/exercise/schemas.ts";
import { sseEvent, sseRetry } from "../../lib/live/sse.ts";
import { ApiCallError } from "./fetch-json.ts";
import { submitLive } from "./submit-live.ts";

const view = (status: SubmissionView["status"], extra: Partial<SubmissionView> & { draftSavedAt?: string } = {}): SubmissionView => ({
  id: "s1",
  attemptNumber: 1,
  exerciseVersion: 1,
  createdAt: "2026-12-06T08:00:00.000Z",
  isLate: false,
  status,
  outcome: status === "graded" ? "passed" : null,
  rawScore: status === "graded" ? 10 : null,
  maxRawScore: status === "graded" ? 10 : null,
  score: status === "graded" ? 100 : null,
  points: 100,
  latePenalty: 0,
  error: null,
  tests: [],
  ...extra,
});

/** The server's answer: a stream of `chunks` (text/event-stream), or JSON. */
function streamAnswer(chunks: string[]): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
  return new Response(body, { status: 201, headers: { "content-type": "text/event-stream; charset=utf-8" } });
}
const jsonAnswer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function answerWith(res: Response) {
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => res);
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => vi.unstubAllGlobals());

describe("submitLive", () => {
  it("asks for the stream, shows every state in order, and answers with the new attempt", async () => {
    const fetchMock = answerWith(
      streamAnswer([sseRetry(1000), sseEvent("submission", view("queued", { draftSavedAt: "2026-12-06T08:00:00.000Z" })), sseEvent("ping", {}), sseEvent("submission", view("running")), sseEvent("submission", view("graded"))]),
    );
    const seen: string[] = [];
    const { created, followed } = await submitLive("/api/assignments/a1/submissions", "code", (v) => seen.push(v.status));
    expect(created).toMatchObject({ id: "s1", status: "queued", draftSavedAt: "2026-12-06T08:00:00.000Z" });
    await followed;
    expect(seen).toEqual(["queued", "running", "graded"]);
    const init = fetchMock.mock.calls[0]![1] as RequestInit & { headers: Record<string, string> };
    expect(init.method).toBe("POST");
    expect(init.headers.accept).toContain("text/event-stream");
    expect(JSON.parse(init.body as string)).toEqual({ code: "code" });
  });

  it("takes a JSON answer (no stream) as the attempt alone", async () => {
    answerWith(jsonAnswer(201, view("queued")));
    const seen: string[] = [];
    const { created, followed } = await submitLive("/x", "code", (v) => seen.push(v.status));
    await followed;
    expect(created.status).toBe("queued");
    expect(seen).toEqual(["queued"]);
  });

  it("throws the API's refusal, with the earlier attempt of a duplicate", async () => {
    answerWith(jsonAnswer(409, { error: { code: "duplicate", message: "same as attempt 1", match: { submissionId: "s0", attemptNumber: 1, href: "/h#attempt-1" } } }));
    const onView = vi.fn();
    const error = await submitLive("/x", "code", onView).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiCallError);
    expect(error).toMatchObject({ status: 409, code: "duplicate", match: { attemptNumber: 1 } });
    expect(onView).not.toHaveBeenCalled();
  });

  it("says the submission is unconfirmed when the stream ends before the attempt", async () => {
    answerWith(streamAnswer([sseRetry(1000)]));
    await expect(submitLive("/x", "code", () => undefined)).rejects.toMatchObject({ code: "network", message: expect.stringMatching(/before the server confirmed/) });
  });

  it("ends following quietly when the stream breaks or sends nonsense after the attempt", async () => {
    answerWith(streamAnswer([sseEvent("submission", view("queued")), "event: submission\ndata: {not json}\n\n", sseEvent("submission", view("graded"))]));
    const seen: string[] = [];
    const { followed } = await submitLive("/x", "code", (v) => seen.push(v.status));
    await followed;
    expect(seen).toEqual(["queued"]); // the caller then follows the submission its usual way
  });
});
