import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { applyProgress, nextStatus, parseQuizAnswers, readLessonProgress, saveQuizAnswer, summarize } from "./progress.ts";

describe("progress rules", () => {
  it("opening a lesson starts it but never undoes done", () => {
    expect(nextStatus("not_started", "open")).toBe("in_progress");
    expect(nextStatus("in_progress", "open")).toBe("in_progress");
    expect(nextStatus("done", "open")).toBe("done");
  });

  it("mark as done works from any state; mark as not done returns to in progress", () => {
    expect(nextStatus("not_started", "complete")).toBe("done");
    expect(nextStatus("in_progress", "complete")).toBe("done");
    expect(nextStatus("done", "reopen")).toBe("in_progress");
    expect(nextStatus("not_started", "reopen")).toBe("not_started");
  });

  it("summarises a course", () => {
    expect(summarize(["done", "in_progress", "not_started", "done"])).toEqual({ done: 2, inProgress: 1, total: 4 });
  });
});

describe("applyProgress", () => {
  let fresh: FreshDb;
  let lessonId: string;
  let alice: string;
  let bob: string;
  beforeEach(async () => {
    fresh = await freshSqlite();
    const course = await fresh.db.course.create({ data: { slug: "c", title: "C", description: "d" } });
    lessonId = (await fresh.db.lesson.create({ data: { courseId: course.id, slug: "01-x", position: 1, title: "X" } })).id;
    alice = (await fresh.db.user.create({ data: { email: "a@x.io", name: "A", passwordHash: "h" } })).id;
    bob = (await fresh.db.user.create({ data: { email: "b@x.io", name: "B", passwordHash: "h" } })).id;
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("stores each user's status separately and keeps done when reopened by a visit", async () => {
    expect(await applyProgress(fresh.db, alice, lessonId, "open")).toBe("in_progress");
    expect(await applyProgress(fresh.db, alice, lessonId, "complete")).toBe("done");
    expect(await applyProgress(fresh.db, alice, lessonId, "open")).toBe("done");
    const rows = await fresh.db.lessonProgress.findMany({ select: { userId: true, status: true } });
    expect(rows).toEqual([{ userId: alice, status: "done" }]);
    expect(await applyProgress(fresh.db, bob, lessonId, "reopen")).toBe("not_started");
    expect(await fresh.db.lessonProgress.count({ where: { userId: bob } })).toBe(0);
  });

  it("reads without writing, and remembers self-check answers with the lesson's progress", async () => {
    expect(await readLessonProgress(fresh.db, alice, lessonId)).toEqual({ status: "not_started", answers: {} });
    expect(await fresh.db.lessonProgress.count()).toBe(0);
    // Answering opens a lesson not yet started; later answers merge, a new answer replaces the old.
    expect(await saveQuizAnswer(fresh.db, alice, lessonId, "shapes", 2)).toEqual({ shapes: 2 });
    expect(await saveQuizAnswer(fresh.db, alice, lessonId, "slope", 0.25)).toEqual({ shapes: 2, slope: 0.25 });
    expect(await saveQuizAnswer(fresh.db, alice, lessonId, "shapes", 1)).toEqual({ shapes: 1, slope: 0.25 });
    expect(await readLessonProgress(fresh.db, alice, lessonId)).toEqual({ status: "in_progress", answers: { shapes: 1, slope: 0.25 } });
    // Answers survive "done" and do not change it.
    await applyProgress(fresh.db, alice, lessonId, "complete");
    await saveQuizAnswer(fresh.db, alice, lessonId, "third", 0);
    expect(await readLessonProgress(fresh.db, alice, lessonId)).toEqual({ status: "done", answers: { shapes: 1, slope: 0.25, third: 0 } });
    expect((await readLessonProgress(fresh.db, bob, lessonId)).answers).toEqual({});
  });

  it("reads stored answers defensively", () => {
    expect(parseQuizAnswers(null)).toEqual({});
    expect(parseQuizAnswers("not json")).toEqual({});
    expect(parseQuizAnswers('{"a": "x"}')).toEqual({});
    expect(parseQuizAnswers('{"a": 1}')).toEqual({ a: 1 });
  });
});
