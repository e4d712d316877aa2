// A submission as its owner or the course's staff sees it live, in the viewer's language.
import { getViewableSubmission, type Db } from "@course/db";
import { feedbackLocalizer } from "../exercise/exercise-source.ts";
import type { SubmissionView } from "../exercise/schemas.ts";
import { toSubmissionView } from "../exercise/submission-view.ts";
import type { Locale } from "../i18n/locale.ts";

export async function loadViewableSubmission(db: Db, submissionId: string, userId: string, locale: Locale): Promise<SubmissionView> {
  const submission = await getViewableSubmission(db, submissionId, userId);
  const graded = submission.gradingJob?.status === "graded";
  const loc = graded ? await feedbackLocalizer(submission.assignment.exercise.slug, locale) : undefined;
  return toSubmissionView(submission, submission.assignment, loc);
}
