// GET/PUT the signed-in student's draft for one assignment (autosave from the exercise page).
import { z } from "zod";
import { route } from "../../../../../lib/api.ts";
import { getDb } from "../../../../../lib/db.ts";
import { assignmentForUser } from "../../../../../lib/exercise/access.ts";
import { DraftBodySchema, IdParamSchema, MAX_CODE_BODY_BYTES, type DraftView } from "../../../../../lib/exercise/schemas.ts";

const Params = z.object({ id: IdParamSchema });

export const GET = route({ params: Params, auth: true }, async ({ params, user }) => {
  const db = getDb();
  await assignmentForUser(db, params.id, user.id);
  const draft = await db.draft.findUnique({ where: { userId_assignmentId: { userId: user.id, assignmentId: params.id } } });
  const view: DraftView | null = draft ? { code: draft.code, updatedAt: draft.updatedAt.toISOString() } : null;
  return { draft: view };
});

export const PUT = route({ params: Params, body: DraftBodySchema, auth: true, maxBody: MAX_CODE_BODY_BYTES }, async ({ params, body, user }) => {
  const db = getDb();
  await assignmentForUser(db, params.id, user.id);
  const draft = await db.draft.upsert({
    where: { userId_assignmentId: { userId: user.id, assignmentId: params.id } },
    create: { userId: user.id, assignmentId: params.id, code: body.code },
    update: { code: body.code },
  });
  const view: DraftView = { code: draft.code, updatedAt: draft.updatedAt.toISOString() };
  return view;
});
