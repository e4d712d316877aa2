// POST: ask the grader to check, preview or publish the draft as saved (instructors only). The
// job runs in the author sandbox; the editor polls ../../jobs/[jobId] for progress and result.
import { z } from "zod";
import { enqueueAuthoringJob, findExerciseDraft, passingCheck, recordAudit } from "@course/db";
import { ApiError, route } from "../../../../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../../../../lib/authoring/access.ts";
import { bundleHash, storedBundle } from "../../../../../../../../lib/authoring/drafts.ts";
import { JobBodySchema } from "../../../../../../../../lib/authoring/schemas.ts";
import { getDb } from "../../../../../../../../lib/db.ts";
import {
  IdParamSchema,
  MAX_CODE_BODY_BYTES,
} from "../../../../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema, draftId: IdParamSchema });

export const POST = route(
  { params: Params, body: JobBodySchema, auth: true, maxBody: MAX_CODE_BODY_BYTES },
  async ({ params, body, user }) => {
    const db = getDb();
    const course = await requireInstructor(db, params.slug, user.id);
    const draft = await findExerciseDraft(db, course.id, params.draftId);
    if (!draft) throw new ApiError(404, "not_found", "No such draft.");
    const hash = bundleHash(storedBundle(draft.bundle));
    if (body.kind === "publish" && (await passingCheck(db, draft.id, hash)) === null) {
      throw new ApiError(
        409,
        "check_required",
        "Run Check on the saved draft first: only a draft whose check passes can be published.",
      );
    }
    const job = await enqueueAuthoringJob(db, {
      courseId: course.id,
      draftId: draft.id,
      kind: body.kind,
      bundleJson: draft.bundle,
      bundleHash: hash,
      userId: user.id,
      ...(body.kind === "check" ? { seeds: body.seeds ?? 5 } : {}),
      ...(body.kind === "preview" ? { code: body.code } : {}),
    });
    if (body.kind === "publish") {
      await recordAudit(db, {
        actorId: user.id,
        courseId: course.id,
        action: "exercise.publish",
        entityType: "ExerciseDraft",
        entityId: draft.id,
        after: { slug: draft.slug, bundleHash: hash },
      });
    }
    return new Response(JSON.stringify({ jobId: job.id }), {
      status: 202,
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    });
  },
);
