// POST: a new exercise draft in the course, from the template or a copy of an exercise (instructors only).
import { z } from "zod";
import { createExerciseDraft, recordAudit } from "@course/db";
import { route } from "../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../lib/authoring/access.ts";
import { startingFiles, validBundle } from "../../../../../lib/authoring/drafts.ts";
import { CreateDraftBodySchema } from "../../../../../lib/authoring/schemas.ts";
import { getDb } from "../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema });

export const POST = route(
  { params: Params, body: CreateDraftBodySchema, auth: true },
  async ({ params, body, user }) => {
    const db = getDb();
    const course = await requireInstructor(db, params.slug, user.id);
    const bundle = validBundle(await startingFiles(db, course.id, body.slug, body.from));
    const draft = await createExerciseDraft(db, {
      courseId: course.id,
      slug: body.slug,
      bundleJson: JSON.stringify(bundle),
      userId: user.id,
    });
    await recordAudit(db, {
      actorId: user.id,
      courseId: course.id,
      action: "exercise.draft.create",
      entityType: "ExerciseDraft",
      entityId: draft.id,
      after: { slug: body.slug, from: body.from ?? "template" },
    });
    return new Response(JSON.stringify({ draftId: draft.id }), {
      status: 201,
      headers: { "content-type": "application/json", "cache-control": "no-store" },
    });
  },
);
