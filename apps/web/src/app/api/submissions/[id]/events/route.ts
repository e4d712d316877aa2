// The live grading state of one submission as server-sent events (text/event-stream): the current
// view first, then each status change as the grader makes it, until graded or failed. Only for
// the student who made it and the course's staff; anyone else gets the JSON 404 of the API.
import { z } from "zod";
import { DomainError, canViewSubmission } from "@course/db";
import { ApiError, route } from "../../../../../lib/api.ts";
import { getDb } from "../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../lib/exercise/schemas.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { getGradingWatch } from "../../../../../lib/live/grading-watch.ts";
import { SSE_HEADERS } from "../../../../../lib/live/sse.ts";
import { StreamLimiter } from "../../../../../lib/live/stream-limit.ts";
import { submissionStream } from "../../../../../lib/live/submission-stream.ts";
import { loadViewableSubmission } from "../../../../../lib/live/viewable-submission.ts";

export const dynamic = "force-dynamic";

const Params = z.object({ id: IdParamSchema });
const limiter = new StreamLimiter();

export const GET = route({ params: Params, auth: true }, async ({ req, params, user }) => {
  const db = getDb();
  // Refusals come before the stream starts, so they are plain JSON error responses.
  if (!(await canViewSubmission(db, params.id, user.id))) throw new DomainError("not_found", "No such submission.");
  const [locale, watch] = await Promise.all([getLocale(), getGradingWatch()]);
  const release = limiter.acquire(user.id);
  if (!release) throw new ApiError(429, "too_many_streams", "Too many live result streams are open for this account; the page will check for results instead.");
  const stream = submissionStream({
    submissionId: params.id,
    load: () => loadViewableSubmission(db, params.id, user.id, locale),
    watch: (id, listener) => watch.watch(id, listener),
    signal: req.signal,
    onClose: release,
    onError: (e) => console.error("[live] submission stream ended on an error:", e instanceof Error ? e.message : e),
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
