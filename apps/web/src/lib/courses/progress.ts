// Lesson progress rules: not started → in progress (opening the lesson) → done ("Mark as done").
// Opening a lesson never undoes "done"; "Mark as not done" goes back to in progress.
import { LessonStatusSchema, type Db, type LessonStatus } from "@course/db";

export type ProgressStatus = LessonStatus | "not_started";
export type ProgressEvent = "open" | "complete" | "reopen";

export function nextStatus(current: ProgressStatus, event: ProgressEvent): ProgressStatus {
  switch (event) {
    case "open":
      return current === "not_started" ? "in_progress" : current;
    case "complete":
      return "done";
    case "reopen":
      return current === "done" ? "in_progress" : current;
  }
}

export function asProgressStatus(value: string | null | undefined): ProgressStatus {
  const parsed = LessonStatusSchema.safeParse(value);
  return parsed.success ? parsed.data : "not_started";
}

/** Applies an event to a user's lesson and returns the new status (writes only on change). */
export async function applyProgress(db: Db, userId: string, lessonId: string, event: ProgressEvent): Promise<ProgressStatus> {
  const row = await db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } }, select: { status: true } });
  const current = asProgressStatus(row?.status);
  const next = nextStatus(current, event);
  if (next === current || next === "not_started") return current;
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, status: next },
    update: { status: next },
  });
  return next;
}

export interface ProgressSummary {
  done: number;
  inProgress: number;
  total: number;
}

export function summarize(statuses: ProgressStatus[]): ProgressSummary {
  return {
    done: statuses.filter((s) => s === "done").length,
    inProgress: statuses.filter((s) => s === "in_progress").length,
    total: statuses.length,
  };
}
