/**
 * Authoring jobs end to end on a real database and real sandboxes: a draft is checked (with
 * progress and the check's table), previewed and published by the grader's authoring worker; a
 * broken draft gets its problem back with file, line and column, publishes nothing, and the worker
 * keeps serving the jobs after it.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExerciseDraft, enqueueAuthoringJob, type Db } from "@course/db";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import {
  bundleHash,
  bundleParts,
  readBundleFolder,
  type ExerciseBundle,
} from "@course/exercise-kit";
import {
  CheckJobResultSchema,
  PreviewJobResultSchema,
  PublishJobResultSchema,
  JobProgressSchema,
} from "@course/exercise-kit/authoring";
import { EXERCISES_ROOT } from "@course/exercises";
import { CourseSandbox } from "../course/runner.ts";
import { silentLogger } from "../log.ts";
import { SandboxPool } from "../sandbox/pool.ts";
import { AuthoringWorker } from "./worker.ts";

let pool: SandboxPool;
let fresh: FreshDb;
let db: Db;
let worker: AuthoringWorker;
let courseId: string;
let userId: string;
let base: ExerciseBundle;

/** The built-in mse-loss exercise under a course's own id. */
function renamed(
  bundle: ExerciseBundle,
  slug: string,
  edit: (files: Record<string, string>) => void = () => {},
): ExerciseBundle {
  const manifest = JSON.parse(bundle.files["exercise.json"]!) as Record<string, unknown>;
  const files = {
    ...bundle.files,
    "exercise.json": JSON.stringify({ ...manifest, id: slug }, null, 2) + "\n",
  };
  edit(files);
  return { files };
}

async function draftOf(bundle: ExerciseBundle): Promise<string> {
  const slug = bundleParts(bundle).manifest.id;
  return (
    await createExerciseDraft(db, { courseId, slug, bundleJson: JSON.stringify(bundle), userId })
  ).id;
}

async function runJob(
  draftId: string,
  bundle: ExerciseBundle,
  kind: "check" | "preview" | "publish",
  code?: string,
) {
  const { id } = await enqueueAuthoringJob(db, {
    courseId,
    draftId,
    kind,
    bundleJson: JSON.stringify(bundle),
    bundleHash: bundleHash(bundle),
    seeds: 2,
    userId,
    ...(code === undefined ? {} : { code }),
  });
  for (;;) {
    const job = await db.authoringJob.findUniqueOrThrow({ where: { id } });
    if (job.status === "done" || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 1, fullPoolSize: 1, authorPoolSize: 1 });
  fresh = await freshSqlite();
  db = fresh.db;
  const engine = { pool, course: new CourseSandbox(pool, { wallMs: 5_000 }) };
  worker = new AuthoringWorker({ db, engine, workerId: "test", log: silentLogger, pollMs: 50 });
  worker.start();
  courseId = (await db.course.create({ data: { slug: "c1", title: "C1", description: "d" } })).id;
  userId = (
    await db.user.create({ data: { email: "i@example.com", name: "I", passwordHash: "x" } })
  ).id;
  base = await readBundleFolder(join(EXERCISES_ROOT, "mse-loss"));
}, 120_000);

afterAll(async () => {
  await worker?.stop();
  await pool?.close();
  await fresh?.dispose();
});

describe("authoring jobs on the grader", () => {
  it("checks a draft in the sandboxes, with progress and the check's table, then previews and publishes it", async () => {
    const bundle = renamed(base, "mse-copy");
    const draftId = await draftOf(bundle);

    const publishFirst = await runJob(draftId, bundle, "publish");
    expect(publishFirst.status).toBe("failed");
    expect(publishFirst.error).toMatch(/Run Check/);

    const check = await runJob(draftId, bundle, "check");
    expect(check.status).toBe("done");
    const result = CheckJobResultSchema.parse(JSON.parse(check.result!));
    expect(result.items.filter((i) => !i.ok)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.items.some((i) => i.name.startsWith("mutant grad-wrong-sign"))).toBe(true);
    expect(result.strength?.total).toBeGreaterThan(0);
    expect(result.publicFixtures).not.toBeNull();
    expect(JobProgressSchema.parse(JSON.parse(check.progress))).toContain(
      "reference, seed 1 (1/2)",
    );

    const parts = bundleParts(bundle);
    const good = PreviewJobResultSchema.parse(
      JSON.parse((await runJob(draftId, bundle, "preview", parts.solution)).result!),
    );
    expect(good.report?.status).toBe("passed");
    expect(good.report?.score).toBe(good.report?.maxScore);
    const bad = PreviewJobResultSchema.parse(
      JSON.parse((await runJob(draftId, bundle, "preview", parts.starter)).result!),
    );
    expect(bad.report?.score).toBeLessThan(bad.report!.maxScore);
    // Preview grades stay on the job: no submission was stored.
    expect(await db.submission.count()).toBe(0);

    const published = await runJob(draftId, bundle, "publish");
    expect(published.error).toBeNull();
    expect(PublishJobResultSchema.parse(JSON.parse(published.result!)).version).toBe(1);
    const exercise = await db.exercise.findUniqueOrThrow({
      where: { slug: "mse-copy" },
      include: { versions: true },
    });
    expect(exercise.courseId).toBe(courseId);
    expect(exercise.versions.map((v) => v.version)).toEqual([1]);
    expect(exercise.versions[0]!.publicFixtures).not.toBeNull();
    const draft = await db.exerciseDraft.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft.baseVersionId).toBe(exercise.versions[0]!.id);
  }, 600_000);

  it("reports a syntax error in tests.ts by file, line and column, and publishes nothing", async () => {
    const bundle = renamed(base, "mse-broken", (f) => {
      f["tests.ts"] = f["tests.ts"]!.replace("export default", "export default (");
    });
    const draftId = await draftOf(bundle);
    const check = await runJob(draftId, bundle, "check");
    const result = CheckJobResultSchema.parse(JSON.parse(check.result!));
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ file: "tests.ts" });
    expect(result.problems[0]!.line).toBeGreaterThan(1);
    expect(result.problems[0]!.column).toBeGreaterThan(0);
    const publish = await runJob(draftId, bundle, "publish");
    expect(publish.status).toBe("failed");
    expect(await db.exercise.count({ where: { slug: "mse-broken" } })).toBe(0);
  }, 120_000);

  it("reports tests that throw while loading, and publishes nothing", async () => {
    const bundle = renamed(base, "mse-throws", (f) => {
      f["tests.ts"] = `throw new Error("the author's tests are broken");\n${f["tests.ts"]!}`;
    });
    const draftId = await draftOf(bundle);
    const result = CheckJobResultSchema.parse(
      JSON.parse((await runJob(draftId, bundle, "check")).result!),
    );
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(
      /threw while loading.*the author's tests are broken/,
    );
    expect((await runJob(draftId, bundle, "publish")).status).toBe("failed");
    expect(await db.exercise.count({ where: { slug: "mse-throws" } })).toBe(0);
  }, 120_000);

  it("fails a check whose input generator never returns, and keeps serving the next job", async () => {
    const bundle = renamed(base, "mse-loops", (f) => {
      f["tests.ts"] = `${f["tests.ts"]!}\nwhile (true) {}\n`;
    });
    const draftId = await draftOf(bundle);
    const check = await runJob(draftId, bundle, "check");
    const result = CheckJobResultSchema.parse(JSON.parse(check.result!));
    expect(result.ok).toBe(false);
    expect(result.problems[0]!.message).toMatch(/time limit/);

    const fine = renamed(base, "mse-after");
    const next = await runJob(await draftOf(fine), fine, "preview", bundleParts(fine).solution);
    expect(PreviewJobResultSchema.parse(JSON.parse(next.result!)).report?.status).toBe("passed");
  }, 120_000);

  it("refuses to publish under an id that belongs to another course's exercise", async () => {
    const other = (await db.course.create({ data: { slug: "c2", title: "C2", description: "d" } }))
      .id;
    await db.exercise.create({ data: { slug: "mse-theirs", title: "theirs", courseId: other } });
    const bundle = renamed(base, "mse-theirs");
    // The draft row is made directly: creating it through the repository already refuses the id.
    const draftId = (
      await db.exerciseDraft.create({
        data: { courseId, slug: "mse-theirs", bundle: JSON.stringify(bundle) },
      })
    ).id;
    expect((await runJob(draftId, bundle, "check")).status).toBe("done");
    const publish = await runJob(draftId, bundle, "publish");
    expect(publish.status).toBe("failed");
    expect(publish.error).toMatch(/belongs to another exercise/);
    expect(await db.exerciseVersion.count({ where: { exercise: { slug: "mse-theirs" } } })).toBe(0);
  }, 600_000);
});
