// The submission stream on a real database and a real watcher (SQLite: data_version; PostgreSQL:
// LISTEN): current state first, each new status once, ends after the final one, stops watching
// when cancelled.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GradingWatch, claimNextJob, completeJob, enqueueSubmission, getViewableSubmission, openChangeFeed } from "@course/db";
import { providers, seedFixture, type Fixture, type FreshDb } from "@course/db/testing";
import type { SubmissionView } from "../exercise/schemas.ts";
import { toSubmissionView } from "../exercise/submission-view.ts";
import { readSse } from "./sse-read.ts";
import { submissionStream } from "./submission-stream.ts";

const grade = { status: "passed" as const, score: 10, maxScore: 10, seed: 1, tests: [{ name: "t", passed: true, points: 10, maxPoints: 10 }] };

/** The stream's events as { event, data } until it ends (leaving early cancels it, as a closed page does). */
async function* events(stream: ReadableStream<Uint8Array>) {
  for await (const { event, data } of readSse(stream)) yield { event, data: JSON.parse(data) as { status?: string } };
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

  const streamOf = (submissionId: string, opts: { pingMs?: number; initial?: SubmissionView } = {}) =>
    submissionStream({
      submissionId,
      load: async () => {
        const s = await getViewableSubmission(f.db, submissionId, fx.studentId);
        return toSubmissionView(s, s.assignment);
      },
      watch: (id, listener, known) => watch.watch(id, listener, known),
      ...opts,
    });

  it("sends the current state, then running and graded as the grader stores them, then ends", async () => {
    const { submission } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a" });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const e of events(streamOf(submission.id))) if (e.event === "submission") seen.push(e.data!.status!);
    })();
    // Each change is made once the stream has sent the state before it (not after a fixed pause:
    // on a loaded host opening the stream can take longer than any pause).
    const sent = async (n: number) => {
      while (seen.length < n) await new Promise((r) => setTimeout(r, 5));
    };
    await sent(1);
    const job = await claimNextJob(f.db, "w1");
    await sent(2);
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

  it("sends a view already in hand first, then only newer states, loading only the final one (the answer to a submission)", async () => {
    const { submission, stored } = await enqueueSubmission(f.db, { userId: fx.studentId, assignmentId: fx.assignmentId, code: "// a" });
    const initial = toSubmissionView(stored, { points: 100, latePenalty: 0 });
    const job = await claimNextJob(f.db, "w1"); // running before the stream starts watching
    let loads = 0;
    const stream = submissionStream({
      submissionId: submission.id,
      initial,
      load: async () => {
        loads++;
        const s = await getViewableSubmission(f.db, submission.id, fx.studentId);
        return toSubmissionView(s, s.assignment);
      },
      watch: (id, listener, known) => watch.watch(id, listener, known),
    });
    const seen: string[] = [];
    const reading = (async () => {
      for await (const e of events(stream)) if (e.event === "submission") seen.push(e.data!.status!);
    })();
    await expect.poll(() => seen).toEqual(["queued", "running"]);
    expect(loads).toBe(0);
    await completeJob(f.db, job!.jobId, "w1", grade);
    await reading;
    expect(seen).toEqual(["queued", "running", "graded"]);
    expect(loads).toBe(1);
  });
});
