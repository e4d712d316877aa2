/**
 * Exercises written in the browser: drafts (a whole exercise folder as a bundle, JSON text) and
 * the authoring jobs the grader runs on them in the author sandbox (check, preview, publish).
 * Bundles are validated by the callers (exercise-kit's schema); this module stores and moves them.
 */
import { z } from "zod";
import type { Db } from "../client.ts";
import { DomainError } from "../errors.ts";

export const AuthoringJobKindSchema = z.enum(["check", "preview", "publish"]);
export type AuthoringJobKind = z.infer<typeof AuthoringJobKindSchema>;
export const AuthoringJobStatusSchema = z.enum(["queued", "running", "done", "failed"]);
export type AuthoringJobStatus = z.infer<typeof AuthoringJobStatusSchema>;

export interface CourseExerciseRow {
  slug: string;
  title: string;
  titleZh: string | null;
  draftId: string | null;
  draftUpdatedAt: Date | null;
  /** The newest published version, if any. */
  version: number | null;
  versionId: string | null;
  /** Whether the draft differs from the newest version (or was never published). */
  unpublishedChanges: boolean;
  /** The course's assignment of this exercise, if any, and the version it pins. */
  assignmentId: string | null;
  assignedVersion: number | null;
}

/** The exercises a course authored, with their drafts and newest versions (the Exercises area's list). */
export async function listCourseExercises(
  db: Db,
  courseId: string,
  hashOf: (bundleJson: string) => string,
): Promise<CourseExerciseRow[]> {
  const [exercises, drafts] = await Promise.all([
    db.exercise.findMany({
      where: { courseId },
      select: {
        id: true,
        slug: true,
        title: true,
        titleZh: true,
        versions: {
          orderBy: { version: "desc" },
          take: 1,
          select: { id: true, version: true, contentHash: true },
        },
        assignments: {
          where: { courseId },
          select: { id: true, exerciseVersion: { select: { version: true } } },
        },
      },
    }),
    db.exerciseDraft.findMany({
      where: { courseId },
      select: { id: true, slug: true, bundle: true, updatedAt: true },
    }),
  ]);
  const draftBySlug = new Map(drafts.map((d) => [d.slug, d]));
  const rows: CourseExerciseRow[] = exercises.map((e) => {
    const v = e.versions[0];
    const d = draftBySlug.get(e.slug);
    draftBySlug.delete(e.slug);
    const a = e.assignments[0];
    return {
      slug: e.slug,
      title: e.title,
      titleZh: e.titleZh,
      draftId: d?.id ?? null,
      draftUpdatedAt: d?.updatedAt ?? null,
      version: v?.version ?? null,
      versionId: v?.id ?? null,
      unpublishedChanges:
        d !== undefined && (v === undefined || hashOf(d.bundle) !== v.contentHash),
      assignmentId: a?.id ?? null,
      assignedVersion: a?.exerciseVersion?.version ?? null,
    };
  });
  for (const d of draftBySlug.values()) {
    rows.push({
      slug: d.slug,
      title: d.slug,
      titleZh: null,
      draftId: d.id,
      draftUpdatedAt: d.updatedAt,
      version: null,
      versionId: null,
      unpublishedChanges: true,
      assignmentId: null,
      assignedVersion: null,
    });
  }
  return rows.sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Whether `slug` is free for a new exercise of `courseId` (no other course or the catalogue owns it). */
async function assertSlugFree(db: Db, courseId: string, slug: string): Promise<void> {
  const [exercise, draft] = await Promise.all([
    db.exercise.findUnique({ where: { slug }, select: { courseId: true } }),
    db.exerciseDraft.findUnique({
      where: { courseId_slug: { courseId, slug } },
      select: { id: true },
    }),
  ]);
  if (exercise !== null)
    throw new DomainError(
      "conflict",
      `The id "${slug}" is already used by another exercise; choose another.`,
    );
  if (draft !== null)
    throw new DomainError("conflict", `This course already has a draft "${slug}".`);
}

export async function createExerciseDraft(
  db: Db,
  input: { courseId: string; slug: string; bundleJson: string; userId: string },
) {
  await assertSlugFree(db, input.courseId, input.slug);
  return db.exerciseDraft.create({
    data: {
      courseId: input.courseId,
      slug: input.slug,
      bundle: input.bundleJson,
      updatedById: input.userId,
    },
    select: { id: true },
  });
}

/**
 * The draft of one of the course's exercises, made from its newest version when it has none yet
 * (editing a published exercise starts from what students have).
 */
export async function openExerciseDraft(
  db: Db,
  courseId: string,
  slug: string,
  userId: string,
): Promise<{ id: string } | null> {
  const existing = await db.exerciseDraft.findUnique({
    where: { courseId_slug: { courseId, slug } },
    select: { id: true },
  });
  if (existing) return existing;
  const exercise = await db.exercise.findFirst({
    where: { slug, courseId },
    select: {
      id: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { id: true, bundle: true } },
    },
  });
  const v = exercise?.versions[0];
  if (!exercise || v?.bundle == null) return null;
  return db.exerciseDraft.create({
    data: {
      courseId,
      slug,
      exerciseId: exercise.id,
      bundle: v.bundle,
      baseVersionId: v.id,
      updatedById: userId,
    },
    select: { id: true },
  });
}

export async function findExerciseDraft(db: Db, courseId: string, draftId: string) {
  return db.exerciseDraft.findFirst({
    where: { id: draftId, courseId },
    select: {
      id: true,
      courseId: true,
      slug: true,
      bundle: true,
      exerciseId: true,
      updatedAt: true,
      baseVersionId: true,
    },
  });
}

export async function saveExerciseDraft(
  db: Db,
  courseId: string,
  draftId: string,
  bundleJson: string,
  userId: string,
) {
  const r = await db.exerciseDraft.updateMany({
    where: { id: draftId, courseId },
    data: { bundle: bundleJson, updatedById: userId },
  });
  if (r.count !== 1) throw new DomainError("not_found", "No such draft in this course.");
}

/** Jobs one user may have waiting at once, so a stuck tab cannot flood the grader. */
const MAX_PENDING_JOBS_PER_USER = 3;

export async function enqueueAuthoringJob(
  db: Db,
  input: {
    courseId: string;
    draftId: string;
    kind: AuthoringJobKind;
    bundleJson: string;
    bundleHash: string;
    code?: string;
    seeds?: number;
    userId: string;
  },
) {
  const pending = await db.authoringJob.count({
    where: { createdById: input.userId, status: { in: ["queued", "running"] } },
  });
  if (pending >= MAX_PENDING_JOBS_PER_USER)
    throw new DomainError(
      "conflict",
      "You already have checks or previews running; wait for them to finish.",
    );
  return db.authoringJob.create({
    data: {
      courseId: input.courseId,
      draftId: input.draftId,
      kind: input.kind,
      bundle: input.bundleJson,
      bundleHash: input.bundleHash,
      code: input.code ?? null,
      seeds: input.seeds ?? 5,
      createdById: input.userId,
    },
    select: { id: true },
  });
}

const jobView = {
  id: true,
  kind: true,
  status: true,
  progress: true,
  result: true,
  error: true,
  bundleHash: true,
  seeds: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export async function findAuthoringJob(db: Db, courseId: string, jobId: string) {
  return db.authoringJob.findFirst({
    where: { id: jobId, courseId },
    select: { ...jobView, draftId: true },
  });
}

/** The newest job of a kind on a draft (e.g. the last check, shown when the editor opens). */
export async function latestAuthoringJob(db: Db, draftId: string, kind: AuthoringJobKind) {
  return db.authoringJob.findFirst({
    where: { draftId, kind },
    orderBy: { createdAt: "desc" },
    select: jobView,
  });
}

/** A finished check of exactly this content that passed: what publishing requires. */
export async function passingCheck(db: Db, draftId: string, bundleHash: string) {
  const jobs = await db.authoringJob.findMany({
    where: { draftId, kind: "check", status: "done", bundleHash },
    orderBy: { createdAt: "desc" },
    select: { id: true, result: true },
  });
  return (
    jobs.find((j) => j.result !== null && (JSON.parse(j.result) as { ok?: unknown }).ok === true) ??
    null
  );
}

// ─── grader side ────────────────────────────────────────────────────────────────────────────

export interface ClaimedAuthoringJob {
  id: string;
  courseId: string;
  draftId: string;
  kind: AuthoringJobKind;
  bundle: string;
  bundleHash: string;
  code: string | null;
  seeds: number;
}

/** Takes the oldest queued job for `workerId` (null when none is waiting). */
export async function claimAuthoringJob(
  db: Db,
  workerId: string,
): Promise<ClaimedAuthoringJob | null> {
  for (let tries = 0; tries < 3; tries++) {
    const next = await db.authoringJob.findFirst({
      where: { status: "queued" },
      orderBy: { createdAt: "asc" },
      select: { id: true },
    });
    if (!next) return null;
    const now = new Date();
    const r = await db.authoringJob.updateMany({
      where: { id: next.id, status: "queued" },
      data: { status: "running", claimedBy: workerId, startedAt: now, heartbeatAt: now },
    });
    if (r.count === 1) {
      const j = await db.authoringJob.findUniqueOrThrow({
        where: { id: next.id },
        select: {
          id: true,
          courseId: true,
          draftId: true,
          kind: true,
          bundle: true,
          bundleHash: true,
          code: true,
          seeds: true,
        },
      });
      return { ...j, kind: AuthoringJobKindSchema.parse(j.kind) };
    }
  }
  return null;
}

export async function recordAuthoringProgress(
  db: Db,
  jobId: string,
  progress: readonly string[],
): Promise<void> {
  await db.authoringJob.updateMany({
    where: { id: jobId, status: "running" },
    data: { progress: JSON.stringify(progress), heartbeatAt: new Date() },
  });
}

export async function finishAuthoringJob(
  db: Db,
  jobId: string,
  end: {
    status: "done" | "failed";
    result?: unknown;
    error?: string;
    progress?: readonly string[];
  },
): Promise<void> {
  await db.authoringJob.update({
    where: { id: jobId },
    data: {
      status: end.status,
      result: end.result === undefined ? null : JSON.stringify(end.result),
      error: end.error ?? null,
      finishedAt: new Date(),
      ...(end.progress === undefined ? {} : { progress: JSON.stringify(end.progress) }),
    },
  });
}

/** Running jobs whose grader stopped beating (it restarted) fail with a reason instead of hanging. */
export async function failStaleAuthoringJobs(db: Db, staleBefore: Date): Promise<number> {
  const r = await db.authoringJob.updateMany({
    where: { status: "running", heartbeatAt: { lt: staleBefore } },
    data: {
      status: "failed",
      error: "The grader stopped while running this job; run it again.",
      finishedAt: new Date(),
    },
  });
  return r.count;
}

/** After a publish: the draft now edits that exercise, starting from the version just made. */
export async function markDraftPublished(
  db: Db,
  draftId: string,
  exerciseId: string,
  versionId: string,
): Promise<void> {
  await db.exerciseDraft.update({
    where: { id: draftId },
    data: { exerciseId, baseVersionId: versionId },
  });
}

/**
 * Attaches a version of one of the course's exercises to the course's assignment of it (made,
 * last in order, when the course has none yet). Submissions from then on are graded against it.
 */
export async function attachVersionToAssignment(db: Db, courseId: string, versionId: string) {
  const v = await db.exerciseVersion.findFirst({
    where: { id: versionId, exercise: { courseId } },
    select: { id: true, exerciseId: true, version: true },
  });
  if (!v) throw new DomainError("not_found", "No such version of this course's exercises.");
  const existing = await db.assignment.findUnique({
    where: { courseId_exerciseId: { courseId, exerciseId: v.exerciseId } },
    select: { id: true },
  });
  if (existing)
    return db.assignment.update({
      where: { id: existing.id },
      data: { exerciseVersionId: v.id },
      select: { id: true },
    });
  const last = await db.assignment.findFirst({
    where: { courseId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return db.assignment.create({
    data: {
      courseId,
      exerciseId: v.exerciseId,
      exerciseVersionId: v.id,
      position: (last?.position ?? 0) + 1,
    },
    select: { id: true },
  });
}
