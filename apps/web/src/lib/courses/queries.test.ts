import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { courseAssignments, dueState, gradebook, gradebookCsv, listMyCourses } from "./queries.ts";

const day = 86_400_000;
const now = new Date("2026-05-10T12:00:00Z");
const at = (d: number) => new Date(now.getTime() + d * day);

describe("dueState", () => {
  it("walks from upcoming to open, late and closed", () => {
    const a = { opensAt: at(-1), dueAt: at(2), lateDueAt: at(5) };
    expect(dueState({ ...a, opensAt: at(1) }, now)).toBe("upcoming");
    expect(dueState(a, now)).toBe("open");
    expect(dueState(a, at(3))).toBe("late");
    expect(dueState(a, at(6))).toBe("closed");
    expect(dueState({ opensAt: null, dueAt: null, lateDueAt: null }, at(100))).toBe("open");
    expect(dueState({ ...a, lateDueAt: null }, at(3))).toBe("closed");
  });
});

describe("per-user course data", () => {
  let fresh: FreshDb;
  let alice: string;
  let bob: string;
  let courseId: string;
  beforeEach(async () => {
    fresh = await freshSqlite();
    const db = fresh.db;
    courseId = (await db.course.create({ data: { slug: "dl", title: "DL", titleZh: "深度学习", description: "d" } })).id;
    alice = (await db.user.create({ data: { email: "a@x.io", name: "Alice", passwordHash: "h" } })).id;
    bob = (await db.user.create({ data: { email: "b@x.io", name: "=Bob, Jr", passwordHash: "h" } })).id;
    await db.enrollment.createMany({ data: [{ userId: alice, courseId }, { userId: bob, courseId }] });
    const lesson = await db.lesson.create({ data: { courseId, slug: "01-x", position: 1, title: "X" } });
    await db.lesson.create({ data: { courseId, slug: "02-y", position: 2, title: "Y" } });
    await db.lessonProgress.create({ data: { userId: alice, lessonId: lesson.id, status: "done" } });
    const exercise = await db.exercise.create({ data: { slug: "dense-forward", title: "Dense forward", titleZh: "全连接前向", lessonId: lesson.id } });
    const version = await db.exerciseVersion.create({ data: { exerciseId: exercise.id, version: 1, contentHash: "h", manifest: "{}", starterCode: "" } });
    const assignment = await db.assignment.create({ data: { courseId, exerciseId: exercise.id, position: 1, dueAt: at(2), points: 100 } });
    const submit = (userId: string, attemptNumber: number, score: number | null) =>
      db.submission.create({ data: { userId, assignmentId: assignment.id, exerciseVersionId: version.id, attemptNumber, code: "", score, maxScore: 100 } });
    await submit(alice, 1, 40);
    await submit(alice, 2, 85);
    await submit(alice, 3, null); // still grading
    await submit(bob, 1, 10);
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("shows each student only their own best score and attempts", async () => {
    const [a] = await courseAssignments(fresh.db, courseId, alice, "zh-CN", now);
    expect(a).toMatchObject({ exerciseSlug: "dense-forward", title: "全连接前向", bestScore: 85, attempts: 3, state: "open", lessonPosition: 1 });
    const [b] = await courseAssignments(fresh.db, courseId, bob, "en", now);
    expect(b).toMatchObject({ title: "Dense forward", bestScore: 10, attempts: 1 });
  });

  it("shows a student their own extended dates, and nobody else's", async () => {
    const assignment = await fresh.db.assignment.findFirstOrThrow({ where: { courseId } });
    await fresh.db.extension.create({ data: { assignmentId: assignment.id, userId: bob, dueAt: at(9) } });
    const [b] = await courseAssignments(fresh.db, courseId, bob, "en", at(5));
    expect(b).toMatchObject({ dueAt: at(9), state: "open" });
    const [a] = await courseAssignments(fresh.db, courseId, alice, "en", at(5));
    expect(a).toMatchObject({ dueAt: at(2), state: "closed" });
  });

  it("summarises only the user's own progress on My courses", async () => {
    expect((await listMyCourses(fresh.db, alice, "en"))[0]?.progress).toEqual({ done: 1, inProgress: 0, total: 2 });
    expect((await listMyCourses(fresh.db, bob, "zh-CN"))[0]).toMatchObject({ title: "深度学习", progress: { done: 0, inProgress: 0, total: 2 } });
  });

  it("builds a gradebook and a CSV that is safe to open in a spreadsheet", async () => {
    const g = await gradebook(fresh.db, courseId, "en");
    expect(g.assignments).toEqual([{ id: expect.any(String), exerciseSlug: "dense-forward", title: "Dense forward", points: 100, scoringPolicy: "best", lesson: { position: 1, title: "X" } }]);
    expect((await gradebook(fresh.db, courseId, "zh-CN")).assignments[0]?.title).toBe("全连接前向");
    expect(g.rows.map((r) => [r.name, r.scores])).toEqual([
      ["=Bob, Jr", [10]],
      ["Alice", [85]],
    ]);
    expect(gradebookCsv(g)).toBe('name,email,dense-forward,total\r\n"\'=Bob, Jr",b@x.io,10,10\r\nAlice,a@x.io,85,85\r\n');
  });
});
