import { NextResponse } from "next/server";
import { route } from "../../../lib/api.ts";
import { readBody } from "../../../lib/api.ts";
import { enrollWithCode, joinCodeSchema } from "../../../lib/courses/enroll.ts";
import { getDb } from "../../../lib/db.ts";
import { getLocale } from "../../../lib/i18n/server.ts";

/** POST { code } → 201 { courseSlug, role } | 400 invalid | 410 expired | 409 already enrolled | 401. */
export const POST = route({ auth: true }, async ({ req, user }) => {
  const locale = await getLocale();
  const { code } = joinCodeSchema(locale).parse(await readBody(req));
  const result = await enrollWithCode(getDb(), user.id, code, locale);
  return NextResponse.json(result, { status: 201 });
});
