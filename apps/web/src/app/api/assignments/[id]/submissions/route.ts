// POST: submit the code for grading (enqueueSubmission checks enrollment, window, attempts). The
// answer is the new attempt as JSON, or, when the request accepts text/event-stream, a live stream
// of it that starts with the attempt and follows its grading (the page then opens no second
// connection and the grade arrives the moment it is stored);
// GET: the signed-in student's own attempts, newest first (no code; see the history page).
import { NextResponse } from "next/server";
import { z } from "zod";
import { DuplicateSubmissionError, enqueueSubmission, listOwnSubmissions } from "@course/db";
import { route } from "../../../../../lib/api.ts";
import { getDb } from "../../../../../lib/db.ts";
import { assignmentForUser } from "../../../../../lib/exercise/access.ts";
import { wakeGrader } from "../../../../../lib/exercise/grader-wake.ts";
import { IdParamSchema, MAX_CODE_BODY_BYTES, SubmitBodySchema, type SubmittedView } from "../../../../../lib/exercise/schemas.ts";
import { toSubmissionView } from "../../../../../lib/exercise/submission-view.ts";
import { getEnv } from "../../../../../lib/env.ts";
import { liveSubmissionResponse, prepareLiveStream, wantsEventStream } from "../../../../../lib/live/submission-response.ts";
import { limitSubmissions } from "../../../../../lib/rate-limit.ts";

const Params = z.object({ id: IdParamSchema });

/** At most SUBMIT_MAX_PER_MINUTE submissions a minute per user (429 + Retry-After), checked before the body is read. */
const submitSpec = {
  params: Params,
  body: SubmitBodySchema,
  auth: true,
  maxBody: MAX_CODE_BODY_BYTES,
  before: ({ user }: { user: { id: string } }) => limitSubmissions(getDb(), user.id, getEnv().submitMaxPerMinute),
} as const;

export const POST = route(submitSpec, async ({ req, params, body, user }) => {
  const db = getDb();
  // The stream's set-up (locale, watcher) runs while the submission is stored.
  const liveSetup = wantsEventStream(req) ? prepareLiveStream() : null;
  liveSetup?.catch(() => undefined); // a refusal below leaves it unused
  const assignment = await assignmentForUser(db, params.id, user.id);
  let queued;
  try {
    // The submitted code is also the draft from now on: the page need not save it first.
    queued = await enqueueSubmission(db, { userId: user.id, assignmentId: assignment.id, code: body.code, saveAsDraft: true });
  } catch (error) {
    if (error instanceof DuplicateSubmissionError) return duplicateResponse(error, assignment.course.slug, assignment.exercise.slug);
    throw error;
  }
  wakeGrader();
  const view: SubmittedView = { ...toSubmissionView(queued.stored, assignment), draftSavedAt: queued.draftSavedAt?.toISOString() };
  // Past the account's stream limit the attempt still answers, as JSON: the page then polls.
  const live = liveSetup ? await liveSubmissionResponse({ req, submissionId: view.id, userId: user.id, initial: view, status: 201 }, liveSetup) : null;
  return live ?? NextResponse.json(view, { status: 201, headers: { "cache-control": "no-store" } });
});

export const GET = route({ params: Params, auth: true }, async ({ params, user }) => {
  const db = getDb();
  const assignment = await assignmentForUser(db, params.id, user.id);
  const rows = await listOwnSubmissions(db, user.id, assignment.id);
  return {
    submissions: rows.map((s) =>
      toSubmissionView({ ...s, gradingJob: s.gradingJob ? { ...s.gradingJob, testResults: [] } : null }, assignment),
    ),
  };
});

/** 409 naming the earlier attempt with the same code and where to read it (nothing was stored or charged). */
function duplicateResponse(error: DuplicateSubmissionError, courseSlug: string, exerciseSlug: string) {
  const href = `/courses/${encodeURIComponent(courseSlug)}/assignments/${encodeURIComponent(exerciseSlug)}/history#attempt-${error.match.attemptNumber}`;
  return NextResponse.json(
    { error: { code: error.code, message: error.message, match: { ...error.match, href } } },
    { status: 409, headers: { "cache-control": "no-store" } },
  );
}
