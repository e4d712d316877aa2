import { afterEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../passwords.ts";
import { providers } from "../testing/providers.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import { DEMO, seedDemo, type DemoContent } from "./demo.ts";
import { bundleHash, readBundleFolder } from "@course/exercise-kit/bundle";
import { EXERCISES_DIR, readExerciseSnapshots } from "./content.ts";

const content: DemoContent = {
  lessons: [
    { slug: "01-a", number: 1, title: "A", titleZh: "甲" },
    { slug: "02-b", number: 2, title: "B" },
  ],
  exercises: [
    { slug: "dense-forward", lesson: 1, title: "Dense", contentHash: "h1", manifest: { id: "dense-forward" }, starterCode: "s" },
    { slug: "softmax", lesson: 2, title: "Softmax", contentHash: "h2", manifest: { id: "softmax" }, starterCode: "s" },
  ],
};

describe.each(providers())("demo seed on $name", ({ fresh }) => {
  let f: FreshDb;
  afterEach(() => f.dispose());

  it("loads the course, accounts and codes, and is idempotent", async () => {
    f = await fresh();
    await seedDemo(f.db, content);
    await seedDemo(f.db, content);
    expect(await f.db.course.count()).toBe(1);
    expect(await f.db.lesson.count()).toBe(2);
    expect(await f.db.assignment.count()).toBe(2);
    expect(await f.db.exerciseVersion.count()).toBe(2);
    const student = await f.db.user.findUniqueOrThrow({ where: { email: DEMO.student.email }, include: { enrollments: true } });
    expect(await verifyPassword(student.passwordHash, DEMO.student.password)).toBe(true);
    expect(await verifyPassword(student.passwordHash, "wrong")).toBe(false);
    expect(student.enrollments[0]?.role).toBe("student");
    const expired = await f.db.joinCode.findUniqueOrThrow({ where: { code: DEMO.expiredJoinCode } });
    expect(expired.expiresAt!.getTime()).toBeLessThan(Date.now());
  });

  it("publishes a new immutable version only when an exercise changed", async () => {
    f = await fresh();
    await seedDemo(f.db, content);
    const changed = { ...content, exercises: content.exercises.map((e) => (e.slug === "softmax" ? { ...e, contentHash: "h3" } : e)) };
    await seedDemo(f.db, changed);
    const versions = await f.db.exerciseVersion.findMany({ where: { exercise: { slug: "softmax" } }, orderBy: { version: "asc" } });
    expect(versions.map((v) => [v.version, v.contentHash])).toEqual([[1, "h2"], [2, "h3"]]);
  });
});

describe("exercise snapshots", () => {
  it("carry every exercise folder's files as the version's bundle, identified by its content hash", async () => {
    const snapshots = await readExerciseSnapshots();
    expect(snapshots.length).toBeGreaterThan(0);
    for (const s of snapshots) {
      expect(s.contentHash).toMatch(/^[0-9a-f]{64}$/);
      expect(s.starterCode.length).toBeGreaterThan(0);
    }
    const first = snapshots[0]!;
    const bundle = await readBundleFolder(`${EXERCISES_DIR}${first.slug}`);
    expect(first.bundle).toEqual(bundle);
    expect(bundleHash(bundle)).toBe(first.contentHash);
  });
});
