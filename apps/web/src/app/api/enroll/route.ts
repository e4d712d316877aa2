import { NextResponse } from "next/server";
import { route } from "../../../lib/api.ts";
import { enrollWithCode, joinCodeSchema } from "../../../lib/courses/enroll.ts";
import { getDb } from "../../../lib/db.ts";
import { getLocale } from "../../../lib/i18n/server.ts";

/** POST { code } → 201 { courseSlug, role } | 400 invalid | 410 expired | 409 already enrolled | 401. */
export const POST = route({ auth: true }, async ({ input, user }) => {
  const locale = await getLocale();
  const { code } = joinCodeSchema(locale).parse(input);
  const result = await enrollWithCode(getDb(), user.id, code, locale);
  return NextResponse.json(result, { status: 201 });
});
