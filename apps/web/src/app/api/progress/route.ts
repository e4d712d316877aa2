import { z } from "zod";
import { DomainError } from "@course/db";
import { redirectTo, route, wantsHtml } from "../../../lib/api.ts";
import { applyProgress } from "../../../lib/courses/progress.ts";
import { getDb } from "../../../lib/db.ts";
import { refererPath } from "../../../lib/safe-path.ts";

const Body = z.object({
  lessonId: z.string().min(1).max(64),
  event: z.enum(["open", "complete", "reopen"]),
});

/** POST { lessonId, event }: updates the signed-in user's progress on a lesson of a course they take. */
export const POST = route({ auth: true, body: Body, form: true }, async ({ req, body, user }) => {
  const db = getDb();
  const lesson = await db.lesson.findFirst({
    where: { id: body.lessonId, course: { enrollments: { some: { userId: user.id } } } },
    select: { id: true, slug: true, course: { select: { slug: true } } },
  });
  if (!lesson) throw new DomainError("not_found", "No such lesson in your courses.");
  const status = await applyProgress(db, user.id, lesson.id, body.event);
  if (wantsHtml(req)) {
    return redirectTo(refererPath(req.headers.get("referer"), req.headers.get("host"), `/courses/${lesson.course.slug}/lessons/${lesson.slug}`));
  }
  return { lessonId: lesson.id, status };
});
