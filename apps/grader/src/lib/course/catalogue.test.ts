/**
 * Exercise versions end to end on a real database: the catalogue syncs as versions (a changed
 * folder makes a new one, an unchanged one does not), any version exports back to a folder byte
 * for byte, a submission is graded by the version stored with it even after a newer one is
 * published, and a folder whose course code fails publishes nothing.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNextJob, enqueueSubmission } from "@course/db";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { bundleParts, readBundleFolder } from "@course/exercise-kit";
import { EXERCISES_ROOT } from "@course/exercises";
import { silentLogger } from "../log.ts";
import { SandboxPool } from "../sandbox/pool.ts";
import { processClaimedJob } from "../worker.ts";
import { exportVersion, syncCatalogue } from "./catalogue.ts";
import { CourseSandbox } from "./runner.ts";
import { dbVersionLoader } from "./versions.ts";

let pool: SandboxPool;
let course: CourseSandbox;
let fresh: FreshDb;
let root: string;
const tmp: string[] = [];

async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "catalogue-test-"));
  tmp.push(d);
  return d;
}

async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), await readFile(join(e.parentPath, e.name)));
  }
  return out;
}

beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 1, fullPoolSize: 0, authorPoolSize: 1 });
  course = new CourseSandbox(pool, { wallMs: 10_000 });
  fresh = await freshSqlite();
  // A private copy of two built-in exercises: the tests edit it.
  root = await tempDir();
  for (const id of ["dense-forward", "softmax"]) await cp(join(EXERCISES_ROOT, id), join(root, id), { recursive: true });
});

afterAll(async () => {
  await pool?.close();
  await fresh?.dispose();
  await Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true })));
});

describe("the catalogue as versions", () => {
  it("publishes each folder once, with its public fixtures, and again only when it changed", async () => {
    const first = await syncCatalogue(fresh.db, course, root);
    expect(first).toEqual([
      { id: "dense-forward", status: "published", version: 1 },
      { id: "softmax", status: "published", version: 1 },
    ]);
    expect(await syncCatalogue(fresh.db, course, root)).toEqual([
      { id: "dense-forward", status: "unchanged", version: 1 },
      { id: "softmax", status: "unchanged", version: 1 },
    ]);
    const v1 = await fresh.db.exerciseVersion.findFirstOrThrow({ where: { exercise: { slug: "dense-forward" } } });
    const fixtures = JSON.parse(v1.publicFixtures!) as { cases: { name: string; expected?: unknown }[] };
    // The public cases only, expected values included; never a hidden one.
    const parts = bundleParts(await readBundleFolder(join(root, "dense-forward")));
    expect(fixtures.cases.map((c) => c.name)).toEqual(["small batch (N=4, D=3, M=5)", "one example (N=1, D=6, M=2)"]);
    expect(fixtures.cases.every((c) => c.expected !== undefined)).toBe(true);
    expect(parts.testsSource).toContain("square weights");
    expect(JSON.stringify(fixtures)).not.toContain("square weights");
  });

  it("exports a version back to a folder byte for byte", async () => {
    const out = join(await tempDir(), "dense-forward");
    const r = await exportVersion(fresh.db, "dense-forward", 1, out);
    expect(r.version).toBe(1);
    expect(await filesOf(out)).toEqual(await filesOf(join(root, "dense-forward")));
    await expect(exportVersion(fresh.db, "dense-forward", 1, out)).rejects.toThrow(/not empty/);
    await expect(exportVersion(fresh.db, "dense-forward", 9, join(await tempDir(), "x"))).rejects.toThrow(/no version 9/);
  });

  it("grades a submission queued before a new version was published with the version stored with it", async () => {
    const db = fresh.db;
    const ex = await db.exercise.findUniqueOrThrow({ where: { slug: "dense-forward" } });
    const c = await db.course.create({ data: { slug: "versions", title: "Versions", description: "d" } });
    const user = await db.user.create({ data: { email: "v@example.com", name: "V", passwordHash: "x" } });
    await db.enrollment.create({ data: { userId: user.id, courseId: c.id, role: "student" } });
    const assignment = await db.assignment.create({ data: { courseId: c.id, exerciseId: ex.id, position: 1, points: 100 } });
    const { solution } = bundleParts(await readBundleFolder(join(root, "dense-forward")));
    const { submission } = await enqueueSubmission(db, { userId: user.id, assignmentId: assignment.id, code: solution });

    // The author edits the hidden tests (one more case) and publishes: version 2.
    const tests = join(root, "dense-forward", "tests.ts");
    const source = await readFile(tests, "utf8");
    const extra = `    edgeCase("three rows, two outputs", (rng) => draw(rng, 3, 4, 2)),\n  ],\n});\n`;
    await writeFile(tests, source.replace(/\n {2}\],\n\}\);\n$/, `\n${extra}`));
    const names = JSON.parse(await readFile(join(root, "dense-forward", "tests.zh-CN.json"), "utf8")) as Record<string, string>;
    await writeFile(join(root, "dense-forward", "tests.zh-CN.json"), JSON.stringify({ ...names, "three rows, two outputs": "三行两输出" }, null, 2) + "\n");
    const second = await syncCatalogue(db, course, root);
    expect(second[0]).toEqual({ id: "dense-forward", status: "published", version: 2 });

    const job = await claimNextJob(db, "w1");
    expect(job?.submissionId).toBe(submission.id);
    const end = await processClaimedJob({ db, engine: { pool, course }, loadVersion: dbVersionLoader(db), workerId: "w1", heartbeatMs: 5_000, log: silentLogger }, job!);
    expect(end).toBe("graded");
    const graded = await db.gradingJob.findUniqueOrThrow({ where: { id: job!.jobId }, include: { testResults: true } });
    // Version 1 has ten cases; version 2's extra case is not among the results.
    expect(graded.testResults.map((t) => t.name)).not.toContain("three rows, two outputs");
    expect(graded.testResults).toHaveLength(10);
    expect(graded.outcome).toBe("passed");

    // A new submission (new code: an identical one is not a new attempt) is stored against version 2 and graded with its eleven cases.
    const next = await enqueueSubmission(db, { userId: user.id, assignmentId: assignment.id, code: `// attempt 2\n${solution}` });
    const v2 = await db.exerciseVersion.findUniqueOrThrow({ where: { id: next.submission.exerciseVersionId } });
    expect(v2.version).toBe(2);
    const job2 = await claimNextJob(db, "w1");
    await processClaimedJob({ db, engine: { pool, course }, loadVersion: dbVersionLoader(db), workerId: "w1", heartbeatMs: 5_000, log: silentLogger }, job2!);
    expect(await db.testResult.count({ where: { jobId: job2!.jobId } })).toBe(11);
  });

  it("a folder whose course code does not compile or throws publishes nothing and says why", async () => {
    const tests = join(root, "softmax", "tests.ts");
    await writeFile(tests, "export default defineTests({ run: (i) => call(\n");
    const broken = await syncCatalogue(fresh.db, course, root);
    expect(broken[1]).toMatchObject({ id: "softmax", status: "failed" });
    expect((broken[1] as { error: string }).error).toMatch(/does not compile: tests\.ts:\d+:\d+/);
    await writeFile(tests, 'import { defineTests } from "@course/exercise-kit";\nthrow new Error("generator bug");\nexport default defineTests({ cases: [] });\n');
    const threw = await syncCatalogue(fresh.db, course, root);
    expect((threw[1] as { error: string }).error).toMatch(/generator bug/);
    expect(await fresh.db.exerciseVersion.count({ where: { exercise: { slug: "softmax" } } })).toBe(1);
  });
});
