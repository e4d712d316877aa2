// Lesson progress rules: not started → in progress (opening the lesson) → done ("Mark as done").
// Opening a lesson never undoes "done"; "Mark as not done" goes back to in progress.
import { LessonStatusSchema, type Db, type LessonStatus } from "@course/db";
import { QuizAnswersSchema, type QuizAnswer, type QuizAnswers } from "@course/lessons/browser";

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

/** Stored self-check answers; a row written before answers existed, or unreadable JSON, reads as none. */
export function parseQuizAnswers(json: string | null | undefined): QuizAnswers {
  try {
    const parsed = QuizAnswersSchema.safeParse(JSON.parse(json ?? "{}"));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** A user's status and self-check answers on a lesson. Reads only. */
export async function readLessonProgress(db: Db, userId: string, lessonId: string): Promise<{ status: ProgressStatus; answers: QuizAnswers }> {
  const row = await db.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } }, select: { status: true, quizAnswers: true } });
  return { status: asProgressStatus(row?.status), answers: parseQuizAnswers(row?.quizAnswers) };
}

/**
 * Remembers a self-check answer with the lesson's progress (answering opens a lesson not yet
 * started). Returns all the lesson's answers.
 */
export async function saveQuizAnswer(db: Db, userId: string, lessonId: string, quizId: string, answer: QuizAnswer): Promise<QuizAnswers> {
  return db.$transaction(async (tx) => {
    const row = await tx.lessonProgress.findUnique({ where: { userId_lessonId: { userId, lessonId } }, select: { quizAnswers: true } });
    const answers = { ...parseQuizAnswers(row?.quizAnswers), [quizId]: answer };
    const quizAnswers = JSON.stringify(answers);
    await tx.lessonProgress.upsert({
      where: { userId_lessonId: { userId, lessonId } },
      create: { userId, lessonId, status: "in_progress", quizAnswers },
      update: { quizAnswers },
    });
    return answers;
  });
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
