// The Exercises pages' gate: signed in (else to sign-in, back to `path`), the course exists (else
// not found), and the user is one of its instructors (else forbidden).
import { forbidden, notFound } from "next/navigation";
import { requireUser } from "../auth.ts";
import { getDb } from "../db.ts";
import { getLocale } from "../i18n/server.ts";
import { instructorAccess } from "./access.ts";

export async function instructorPage(slug: string, path: string) {
  const user = await requireUser(path);
  const locale = await getLocale();
  const db = getDb();
  const access = await instructorAccess(db, slug, user.id, locale);
  if (access.kind === "no_course") notFound();
  if (access.kind === "forbidden") forbidden();
  return { user, locale, db, course: access.course };
}
