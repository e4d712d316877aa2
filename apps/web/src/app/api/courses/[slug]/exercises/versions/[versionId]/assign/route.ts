// POST: attach a published version of one of the course's exercises to the course's assignment of
// it (made when there is none): new submissions are graded against that version.
import { z } from "zod";
import { attachVersionToAssignment, recordAudit } from "@course/db";
import { route } from "../../../../../../../../lib/api.ts";
import { requireInstructor } from "../../../../../../../../lib/authoring/access.ts";
import { getDb } from "../../../../../../../../lib/db.ts";
import { IdParamSchema } from "../../../../../../../../lib/exercise/schemas.ts";

const Params = z.object({ slug: IdParamSchema, versionId: IdParamSchema });

export const POST = route({ params: Params, auth: true }, async ({ params, user }) => {
  const db = getDb();
  const course = await requireInstructor(db, params.slug, user.id);
  const assignment = await attachVersionToAssignment(db, course.id, params.versionId);
  await recordAudit(db, {
    actorId: user.id,
    courseId: course.id,
    action: "assignment.attach_version",
    entityType: "Assignment",
    entityId: assignment.id,
    after: { exerciseVersionId: params.versionId },
  });
  return { assignmentId: assignment.id };
});
