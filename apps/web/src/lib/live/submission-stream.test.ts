// The submission stream on a real database and a real watcher (SQLite: data_version; PostgreSQL:
// LISTEN): current state first, each new status once, ends after the final one, stops watching
// when cancelled.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GradingWatch, claimNextJob, completeJob, enqueueSubmission, getViewableSubmission, openChangeFeed } from "@course/db";
import { providers, seedFixture, type Fixture, type FreshDb } from "@course/db/testing";
import { toSubmissionView } from "../exercise/submission-view.ts";
import { submissionStream } from "./submission-stream.ts";

const grade = { status: "passed" as const, score: 10, maxScore: 10, seed: 1, tests: [{ name: "t", passed: true, points: 10, maxPoints: 10 }] };

/** Reads server-sent events from a stream as { event, data } until it ends. */
async function* events(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event) yield { event, data: data === undefined ? null : (JSON.parse(data) as { status?: string }) };
      }
    }
  } finally {
    // The reader went away (as a closed page does): cancel, which reaches the stream's source.
    await reader.cancel();
  }
}

describe.each(providers())("submissionStream on $name", ({ fresh }) => {
  let f: FreshDb;
  let fx: Fixture;
  let watch: GradingWatch;
  beforeEach(async () => {
    f = await fresh();
    fx = await seedFixture(f.db);
    watch = new GradingWatch(f.db, openChangeFeed(f.config), { resyncMs: 60_000 });
    await watch.start();
  });
  afterEach(async () => {
    await watch.stop();
    await f.dispose();
  });

  const streamOf = (submissionId: string, opts: { pingMs?: number } = {}) =>
    submissionStream({
      submissionId,
      load: async () => {
        const s = await getViewableSubmission(f.db, submissionId, fx.studentId);
        return toSubmissionView(s, s.assignment);
      },
      watch: (id, listener) => watch.watch(id, listener),
      ...opts,
    });

  it("sends the current state, then running and graded as the grader stores them, then ends", async () => {
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a" });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const e of events(streamOf(submission.id))) if (e.event === "submission") seen.push(e.data!.status!);
    })();
    await new Promise((r) => setTimeout(r, 100));
    const job = await claimNextJob(f.db, "w1");
    await new Promise((r) => setTimeout(r, 100));
    await completeJob(f.db, job!.jobId, "w1", grade);
    await reading; // the stream ends by itself after "graded"
    expect(seen).toEqual(["queued", "running", "graded"]);
    expect(watch.watching).toBe(0);
  });

  it("starts with the final state for a reader who connects late, and pings while waiting", async () => {
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a" });
    const it1 = events(streamOf(submission.id, { pingMs: 20 }));
    const first: string[] = [];
    for (let i = 0; i < 20 && !first.includes("ping after submission"); i++) {
      const e = (await it1.next()).value!;
      if (e.event === "submission") first.push(`submission ${e.data!.status}`);
      else if (first.length > 0) first.push("ping after submission");
    }
    expect(first).toEqual(["submission queued", "ping after submission"]);
    await it1.return(undefined); // cancels the stream: the watcher lets go
    await expect.poll(() => watch.watching).toBe(0);

    const job = await claimNextJob(f.db, "w1");
    await completeJob(f.db, job!.jobId, "w1", grade);
    const late: string[] = [];
    for await (const e of events(streamOf(submission.id))) if (e.event === "submission") late.push(e.data!.status!);
    expect(late).toEqual(["graded"]);
  });
});
