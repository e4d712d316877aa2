/**
 * Data for the exercise page and its history, for the signed-in user only (server side). Grading
 * feedback comes in the request's language.
 */
import { effectiveWindow, type Db } from "@course/db";
import { getLocale } from "../i18n/server.ts";
import { assignmentBySlugs, submissionInclude } from "./access.ts";
import { feedbackLocalizer } from "./exercise-source.ts";
import { toSubmissionView, toSubmissionWithCode } from "./submission-view.ts";
import { windowState } from "./window-state.ts";

export async function loadExercisePageData(db: Db, courseSlug: string, exerciseSlug: string, userId: string, now = new Date()) {
  const found = await assignmentBySlugs(db, courseSlug, exerciseSlug, userId);
  if (!found) return null;
  const { course, exercise, assignment, enrollment } = found;
  const [version, draft, attemptsUsed, extension, latest] = await Promise.all([
    // The version submissions are graded against: the pinned one, else the newest.
    db.exerciseVersion.findFirst({
      where: assignment.exerciseVersionId ? { id: assignment.exerciseVersionId } : { exerciseId: exercise.id },
      orderBy: { version: "desc" },
      select: { starterCode: true },
    }),
    enrollment ? db.draft.findUnique({ where: { userId_assignmentId: { userId, assignmentId: assignment.id } } }) : null,
    // Charged attempts only: an infrastructure failure does not count (attempts.ts).
    db.submission.count({ where: { userId, assignmentId: assignment.id, NOT: { gradingJob: { status: "failed" } } } }),
    db.extension.findUnique({ where: { assignmentId_userId: { assignmentId: assignment.id, userId } }, select: { dueAt: true, lateDueAt: true, extraAttempts: true } }),
    db.submission.findFirst({ where: { userId, assignmentId: assignment.id }, orderBy: { attemptNumber: "desc" }, include: submissionInclude }),
  ]);
  return {
    course,
    exercise,
    assignment,
    enrolled: enrollment !== null,
    starterCode: version?.starterCode ?? null,
    draft: draft ? { code: draft.code, updatedAt: draft.updatedAt.toISOString() } : null,
    window: windowState(effectiveWindow(assignment, extension), now, attemptsUsed, enrollment !== null, extension !== null),
    latest: latest ? toSubmissionView(latest, assignment, await feedbackLocalizer(exercise.slug, await getLocale())) : null,
  };
}

export async function loadHistoryData(db: Db, courseSlug: string, exerciseSlug: string, userId: string) {
  const found = await assignmentBySlugs(db, courseSlug, exerciseSlug, userId);
  if (!found || !found.enrollment) return null;
  const rows = await db.submission.findMany({
    where: { userId, assignmentId: found.assignment.id },
    orderBy: { attemptNumber: "desc" },
    include: submissionInclude,
  });
  const loc = rows.length > 0 ? await feedbackLocalizer(found.exercise.slug, await getLocale()) : undefined;
  return { ...found, submissions: rows.map((r) => toSubmissionWithCode(r, found.assignment, loc)) };
}
