import { describe, expect, it } from "vitest";
import { readSse } from "./sse-read.ts";
import { sseEvent, sseRetry } from "./sse.ts";

/** A body that delivers `chunks` one read at a time, and records whether it was cancelled. */
function body(chunks: string[]) {
  const state = { cancelled: false };
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { stream, state };
}

async function all(stream: ReadableStream<Uint8Array>) {
  const out = [];
  for await (const frame of readSse(stream)) out.push(frame);
  return out;
}

describe("readSse", () => {
  it("reads what the server writes, whatever the chunking, and skips retry lines, comments and pings' framing", async () => {
    const text = sseRetry(1000) + sseEvent("submission", { status: "queued" }) + ": a comment\n\n" + sseEvent("ping", {}) + sseEvent("submission", { status: "graded" });
    const expected = [
      { event: "submission", data: '{"status":"queued"}' },
      { event: "ping", data: "{}" },
      { event: "submission", data: '{"status":"graded"}' },
    ];
    expect(await all(body([text]).stream)).toEqual(expected);
    // One character per read: frames and lines split anywhere.
    expect(await all(body([...text]).stream)).toEqual(expected);
  });

  it("joins multi-line data, accepts CRLF, and calls an event without a name a message", async () => {
    expect(await all(body(["data: a\r\ndata: b\r\n\r\nevent: x\ndata:c\n\n"]).stream)).toEqual([
      { event: "message", data: "a\nb" },
      { event: "x", data: "c" },
    ]);
  });

  it("drops an unfinished last frame (a cut connection) and cancels the stream when left early", async () => {
    expect(await all(body([sseEvent("submission", { n: 1 }), "event: submission\ndata: {\"n\""]).stream)).toEqual([{ event: "submission", data: '{"n":1}' }]);
    const { stream, state } = body([sseEvent("a", 1), sseEvent("b", 2), sseEvent("c", 3)]);
    for await (const frame of readSse(stream)) if (frame.event === "a") break;
    expect(state.cancelled).toBe(true);
  });
});
