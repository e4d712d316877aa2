// The live grading state of one submission as server-sent events (text/event-stream): the current
// view first, then each status change as the grader makes it, until graded or failed. Only for
// the student who made it and the course's staff; anyone else gets the JSON 404 of the API.
import { z } from "zod";
import { route } from "../../../../../lib/api.ts";
import { getDb } from "../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../lib/exercise/schemas.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { getGradingWatch } from "../../../../../lib/live/grading-watch.ts";
import { SSE_HEADERS } from "../../../../../lib/live/sse.ts";
import { submissionStream } from "../../../../../lib/live/submission-stream.ts";
import { loadViewableSubmission } from "../../../../../lib/live/viewable-submission.ts";

export const dynamic = "force-dynamic";

const Params = z.object({ id: IdParamSchema });

export const GET = route({ params: Params, auth: true }, async ({ req, params, user }) => {
  const db = getDb();
  const locale = await getLocale();
  const load = () => loadViewableSubmission(db, params.id, user.id, locale);
  // Authorised before the stream starts, so a refusal is a plain JSON error response.
  await load();
  const watch = await getGradingWatch();
  const stream = submissionStream({
    submissionId: params.id,
    load,
    watch: (id, listener) => watch.watch(id, listener),
    signal: req.signal,
    onError: (e) => console.error("[live] submission stream ended on an error:", e instanceof Error ? e.message : e),
  });
  return new Response(stream, { headers: SSE_HEADERS });
});
