// PUT: save a draft's files (any content within the bundle limits: a draft may be broken; the
// check says what is wrong). Instructors of the course only.
import { z } from "zod";
import { saveExerciseDraft } from "@course/db";
import { route } from "../../../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../../../lib/authoring/access.ts";
import { bundleHash, validBundle } from "../../../../../../../lib/authoring/drafts.ts";
import { SaveDraftBodySchema } from "../../../../../../../lib/authoring/schemas.ts";
import { getDb } from "../../../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema, draftId: IdParamSchema });

/** Room for the 4 MB of files as JSON, so an over-large file is answered by name, not as a bare 413. */
const MAX_DRAFT_BODY_BYTES = 24 * 1024 * 1024;

export const PUT = route(
  { params: Params, body: SaveDraftBodySchema, auth: true, maxBody: MAX_DRAFT_BODY_BYTES },
  async ({ params, body, user }) => {
    const db = getDb();
    const course = await requireInstructor(db, params.slug, user.id);
    const bundle = validBundle(body.files);
    await saveExerciseDraft(db, course.id, params.draftId, JSON.stringify(bundle), user.id);
    return { bundleHash: bundleHash(bundle), updatedAt: new Date().toISOString() };
  },
);
