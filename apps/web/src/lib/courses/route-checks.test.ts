import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { assignmentInCourse, courseIdBySlug, coursePublic, enrolledInAssignment, lessonInCourse } from "./route-checks.ts";
import { listCatalog } from "./queries.ts";
import { publicSyllabus } from "./public-course.ts";

describe("course route existence checks", () => {
  let fresh: FreshDb;
  beforeEach(async () => {
    fresh = await freshSqlite();
    const db = fresh.db;
    const dl = await db.course.create({ data: { slug: "dl", title: "DL", description: "d" } });
    await db.course.create({ data: { slug: "other", title: "Other", description: "d" } });
    const lesson = await db.lesson.create({ data: { courseId: dl.id, slug: "01-x", position: 1, title: "X" } });
    const exercise = await db.exercise.create({ data: { slug: "dense-forward", title: "Dense forward", lessonId: lesson.id } });
    await db.exercise.create({ data: { slug: "softmax", title: "Softmax" } });
    await db.assignment.create({ data: { courseId: dl.id, exerciseId: exercise.id, position: 1, points: 100 } });
  });
  afterEach(async () => {
    await fresh.dispose();
  });

  it("shows a public page (and a catalog entry) only for published courses that are not archived", async () => {
    expect(await coursePublic(fresh.db, "dl")).toBe(true);
    expect(await coursePublic(fresh.db, "nope")).toBe(false);
    await fresh.db.course.update({ where: { slug: "other" }, data: { published: false } });
    expect(await coursePublic(fresh.db, "other")).toBe(false);
    await fresh.db.course.update({ where: { slug: "dl" }, data: { archivedAt: new Date() } });
    expect(await coursePublic(fresh.db, "dl")).toBe(false);
    expect(await listCatalog(fresh.db, null, "en")).toEqual([]);
  });

  it("the public syllabus lists lesson titles in the reader's language and counts the assignments", async () => {
    const dl = await fresh.db.course.findUniqueOrThrow({ where: { slug: "dl" } });
    await fresh.db.lesson.update({ where: { courseId_slug: { courseId: dl.id, slug: "01-x" } }, data: { titleZh: "叉" } });
    expect(await publicSyllabus(fresh.db, dl.id, "zh-CN")).toEqual({ lessons: [{ position: 1, title: "叉" }], assignments: 1 });
  });

  it("finds a course by slug and nothing for an unknown one", async () => {
    expect(await courseIdBySlug(fresh.db, "dl")).toEqual(expect.any(String));
    expect(await courseIdBySlug(fresh.db, "nope")).toBeNull();
  });

  it("knows a lesson only in its own course", async () => {
    expect(await lessonInCourse(fresh.db, "dl", "01-x")).toBe(true);
    expect(await lessonInCourse(fresh.db, "other", "01-x")).toBe(false);
    expect(await lessonInCourse(fresh.db, "dl", "99-nope")).toBe(false);
    expect(await lessonInCourse(fresh.db, "nope", "01-x")).toBe(false);
  });

  it("knows an exercise only where the course assigns it", async () => {
    expect(await assignmentInCourse(fresh.db, "dl", "dense-forward")).toBe(true);
    expect(await assignmentInCourse(fresh.db, "other", "dense-forward")).toBe(false);
    // The exercise exists but this course does not assign it.
    expect(await assignmentInCourse(fresh.db, "dl", "softmax")).toBe(false);
    expect(await assignmentInCourse(fresh.db, "dl", "nope")).toBe(false);
  });

  it("shows a history only to a student enrolled in a course that assigns the exercise", async () => {
    const db = fresh.db;
    const enrolled = await db.user.create({ data: { email: "in@example.com", name: "In", passwordHash: "x" } });
    const outsider = await db.user.create({ data: { email: "out@example.com", name: "Out", passwordHash: "x" } });
    const dl = await db.course.findUniqueOrThrow({ where: { slug: "dl" } });
    const other = await db.course.findUniqueOrThrow({ where: { slug: "other" } });
    await db.enrollment.create({ data: { userId: enrolled.id, courseId: dl.id } });
    await db.enrollment.create({ data: { userId: outsider.id, courseId: other.id } });
    expect(await enrolledInAssignment(db, "dl", "dense-forward", enrolled.id)).toBe(true);
    expect(await enrolledInAssignment(db, "dl", "dense-forward", outsider.id)).toBe(false);
    expect(await enrolledInAssignment(db, "dl", "softmax", enrolled.id)).toBe(false);
    expect(await enrolledInAssignment(db, "nope", "dense-forward", enrolled.id)).toBe(false);
  });
});
