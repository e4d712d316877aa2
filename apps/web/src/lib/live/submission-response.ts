// A submission's live grading as a server-sent event response, for whoever may view it (the
// caller checked that): GET …/events follows any submission, and the answer to a submission
// (POST …/submissions asking for text/event-stream) follows the one it just stored.
import { getDb } from "../db.ts";
import type { SubmissionView } from "../exercise/schemas.ts";
import { getLocale } from "../i18n/server.ts";
import { getGradingWatch } from "./grading-watch.ts";
import { SSE_HEADERS } from "./sse.ts";
import { liveStreamLimiter } from "./stream-limit.ts";
import { submissionStream } from "./submission-stream.ts";
import { loadViewableSubmission } from "./viewable-submission.ts";

export interface LiveSubmissionRequest {
  req: Request;
  submissionId: string;
  userId: string;
  /** The view already in hand, sent first (see submissionStream). */
  initial?: SubmissionView;
  status?: number;
}

/** What a stream needs besides the submission: start it early, alongside other work. */
export function prepareLiveStream() {
  return Promise.all([getLocale(), getGradingWatch()]);
}

/** The stream, or null when this account already has as many streams open as it may. */
export async function liveSubmissionResponse(r: LiveSubmissionRequest, prepared = prepareLiveStream()): Promise<Response | null> {
  const db = getDb();
  const [locale, watch] = await prepared;
  const release = liveStreamLimiter().acquire(r.userId);
  if (!release) return null;
  const stream = submissionStream({
    submissionId: r.submissionId,
    initial: r.initial,
    load: () => loadViewableSubmission(db, r.submissionId, r.userId, locale),
    watch: (id, listener, known) => watch.watch(id, listener, known),
    signal: r.req.signal,
    onClose: release,
    onError: (e) => console.error("[live] submission stream ended on an error:", e instanceof Error ? e.message : e),
  });
  return new Response(stream, { status: r.status ?? 200, headers: SSE_HEADERS });
}

/** True when the request asks for the answer as server-sent events. */
export function wantsEventStream(req: Request): boolean {
  return (req.headers.get("accept") ?? "").includes("text/event-stream");
}
