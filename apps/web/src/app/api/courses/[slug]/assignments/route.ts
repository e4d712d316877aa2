// POST: create an assignment in the course (instructors only). Body: NewAssignmentSchema.
import { NextResponse } from "next/server";
import { z } from "zod";
import { createAssignment } from "@course/db";
import { route } from "../../../../../lib/api.ts";
import { staffApi } from "../../../../../lib/courses/assess-access.ts";
import { inLocale } from "../../../../../lib/courses/assess-errors.ts";
import { getLocale } from "../../../../../lib/i18n/server.ts";
import { getDb } from "../../../../../lib/db.ts";

const Params = z.object({ slug: z.string().min(1).max(100) });

export const POST = route({ params: Params, auth: true }, async ({ params, user, input }) => {
  const { course } = await staffApi(params.slug, user.id, "editAssignment");
  const created = await inLocale(await getLocale(), () => createAssignment(getDb(), course.id, user.id, input));
  return NextResponse.json({ id: created.id }, { status: 201, headers: { "cache-control": "no-store" } });
});
