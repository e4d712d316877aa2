import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "../errors.ts";
import { providers } from "../testing/providers.ts";
import { seedFixture, type Fixture } from "../testing/fixture.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import {
  attachVersionToAssignment,
  claimAuthoringJob,
  createExerciseDraft,
  enqueueAuthoringJob,
  failStaleAuthoringJobs,
  finishAuthoringJob,
  listCourseExercises,
  openExerciseDraft,
  passingCheck,
} from "./authoring.ts";
import { publishExerciseVersion } from "./exercises.ts";
import { enqueueSubmission } from "./submissions.ts";

/** Content hashes in these tests are the bundle text itself. */
const hashOf = (json: string) => json;

describe.each(providers())("authoring on $name", ({ fresh }) => {
  let f: FreshDb;
  let fx: Fixture;
  beforeEach(async () => {
    f = await fresh();
    fx = await seedFixture(f.db);
  });
  afterEach(() => f.dispose());

  async function publish(slug: string, bundle: string, courseId: string | null = fx.courseId) {
    return publishExerciseVersion(f.db, {
      slug,
      title: slug,
      courseId,
      contentHash: bundle,
      manifest: {},
      starterCode: "",
      bundle: JSON.parse(bundle) as unknown,
    });
  }

  it("lists a course's drafts and exercises with their versions and whether the draft changed", async () => {
    await createExerciseDraft(f.db, {
      courseId: fx.courseId,
      slug: "never-published",
      bundleJson: '{"files":{}}',
      userId: fx.studentId,
    });
    await publish("published-one", '{"files":{"a":"1"}}');
    const opened = await openExerciseDraft(f.db, fx.courseId, "published-one", fx.studentId);
    expect(opened).not.toBeNull();
    const rows = await listCourseExercises(f.db, fx.courseId, hashOf);
    expect(rows.map((r) => [r.slug, r.version, r.unpublishedChanges])).toEqual([
      ["never-published", null, true],
      ["published-one", 1, false],
    ]);
    // Opening again returns the same draft; another course's or the catalogue's exercise is not opened.
    expect(await openExerciseDraft(f.db, fx.courseId, "published-one", fx.studentId)).toEqual(
      opened,
    );
    await publish("catalogue-one", '{"files":{"b":"1"}}', null);
    expect(await openExerciseDraft(f.db, fx.courseId, "catalogue-one", fx.studentId)).toBeNull();
  });

  it("refuses a draft id already used by any exercise or by a draft of the course", async () => {
    await publish("taken", '{"files":{}}', null);
    await expect(
      createExerciseDraft(f.db, {
        courseId: fx.courseId,
        slug: "taken",
        bundleJson: "{}",
        userId: fx.studentId,
      }),
    ).rejects.toThrow(/already used/);
    await createExerciseDraft(f.db, {
      courseId: fx.courseId,
      slug: "mine",
      bundleJson: "{}",
      userId: fx.studentId,
    });
    await expect(
      createExerciseDraft(f.db, {
        courseId: fx.courseId,
        slug: "mine",
        bundleJson: "{}",
        userId: fx.studentId,
      }),
    ).rejects.toBeInstanceOf(DomainError);
  });

  it("claims queued jobs once, in order; publishing needs a passing check of the same content; a stale job fails", async () => {
    const { id: draftId } = await createExerciseDraft(f.db, {
      courseId: fx.courseId,
      slug: "d1",
      bundleJson: "{}",
      userId: fx.studentId,
    });
    const job = (kind: "check" | "preview") =>
      enqueueAuthoringJob(f.db, {
        courseId: fx.courseId,
        draftId,
        kind,
        bundleJson: "{}",
        bundleHash: "h1",
        userId: fx.studentId,
      });
    const first = await job("check");
    await job("preview");
    await job("check");
    await expect(job("check")).rejects.toThrow(/already have/);
    const claimed = await claimAuthoringJob(f.db, "w1");
    expect(claimed?.id).toBe(first.id);
    expect(await passingCheck(f.db, draftId, "h1")).toBeNull();
    await finishAuthoringJob(f.db, first.id, { status: "done", result: { ok: false } });
    expect(await passingCheck(f.db, draftId, "h1")).toBeNull();
    const second = await claimAuthoringJob(f.db, "w1");
    expect(second?.kind).toBe("preview");
    const third = await claimAuthoringJob(f.db, "w2");
    await finishAuthoringJob(f.db, third!.id, { status: "done", result: { ok: true } });
    expect((await passingCheck(f.db, draftId, "h1"))?.id).toBe(third!.id);
    expect(await passingCheck(f.db, draftId, "other-hash")).toBeNull();
    expect(await claimAuthoringJob(f.db, "w1")).toBeNull();
    // The preview's grader stopped beating: it fails with a reason.
    expect(await failStaleAuthoringJobs(f.db, new Date(Date.now() + 1000))).toBe(1);
    const stale = await f.db.authoringJob.findUniqueOrThrow({ where: { id: second!.id } });
    expect(stale.status).toBe("failed");
    expect(stale.error).toMatch(/run it again/);
  });

  it("attaches a version to the course's assignment, and new submissions are graded against it", async () => {
    const v1 = await publish("own", '{"files":{"v":"1"}}');
    const v2 = await publish("own", '{"files":{"v":"2"}}');
    const { id } = await attachVersionToAssignment(f.db, fx.courseId, v1.version.id);
    const again = await attachVersionToAssignment(f.db, fx.courseId, v1.version.id);
    expect(again.id).toBe(id);
    const { submission } = await enqueueSubmission(f.db, {
      userId: fx.studentId,
      assignmentId: id,
      code: "// x",
    });
    expect(submission.exerciseVersionId).toBe(v1.version.id);
    await attachVersionToAssignment(f.db, fx.courseId, v2.version.id);
    const next = await enqueueSubmission(f.db, {
      userId: fx.studentId,
      assignmentId: id,
      code: "// y",
    });
    expect(next.submission.exerciseVersionId).toBe(v2.version.id);
    // Another course's version cannot be attached.
    const other = await f.db.course.create({ data: { slug: "c2", title: "C2", description: "d" } });
    await expect(attachVersionToAssignment(f.db, other.id, v1.version.id)).rejects.toThrow(
      /No such version/,
    );
  });
});
