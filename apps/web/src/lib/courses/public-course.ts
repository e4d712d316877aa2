// What visitors who are not signed in see of a course: its lessons' titles and how many graded
// exercises it has. Nothing of the assignments themselves (tests, dates, exercises) is read.
import type { Db } from "@course/db";
import type { Locale } from "../i18n/index.ts";
import { localized } from "./queries.ts";

export interface PublicSyllabus {
  lessons: { position: number; title: string }[];
  assignments: number;
}

export async function publicSyllabus(db: Db, courseId: string, locale: Locale): Promise<PublicSyllabus> {
  const [lessons, assignments] = await Promise.all([
    db.lesson.findMany({ where: { courseId }, orderBy: { position: "asc" }, select: { position: true, title: true, titleZh: true } }),
    db.assignment.count({ where: { courseId } }),
  ]);
  return { lessons: lessons.map((l) => ({ position: l.position, title: localized(locale, l.title, l.titleZh) })), assignments };
}
