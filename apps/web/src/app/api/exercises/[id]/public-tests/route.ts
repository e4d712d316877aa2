// The public calls for the in-browser pre-check (inputs only; their expected values stay here and
// are compared by ./score), the bans and the time limit. Never hidden cases, reference solutions
// or mutants: a version's public fixtures hold the public cases only.
import { z } from "zod";
import { ApiError, route } from "../../../../../lib/api.ts";
import { getDb } from "../../../../../lib/db.ts";
import { viewerVersion } from "../../../../../lib/exercise/access.ts";
import { loadExercise } from "../../../../../lib/exercise/exercise-source.ts";
import { IdParamSchema, type PublicTestsResponse } from "../../../../../lib/exercise/schemas.ts";

const Params = z.object({ id: IdParamSchema });

export const GET = route({ params: Params, auth: true }, async ({ params, user }) => {
  const pinned = await viewerVersion(getDb(), params.id, user.id);
  if (pinned === undefined) throw new ApiError(404, "not_found", "No such exercise.");
  const exercise = await loadExercise(params.id, pinned);
  if (!exercise) throw new ApiError(404, "not_found", "No such exercise.");
  if (exercise.publicFixtures === null) throw new ApiError(503, "not_ready", "This exercise's public tests are still being prepared; try again in a moment.");
  const body: PublicTestsResponse = {
    exerciseId: exercise.manifest.id,
    bans: exercise.manifest.bans,
    allow: exercise.manifest.allow,
    wallMs: exercise.manifest.limits.wallMs,
    calls: exercise.publicFixtures.calls,
  };
  return body;
});
