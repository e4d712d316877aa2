// POST { lessonId, quizId, answer } (JSON): remembers the signed-in user's answer to one of the
// lesson's self-check questions with their progress on it.
import { z } from "zod";
import { DomainError } from "@course/db";
import { getLesson, QuizAnswerSchema, QuizIdSchema } from "@course/lessons";
import { ApiError, route } from "../../../../lib/api.ts";
import { saveQuizAnswer } from "../../../../lib/courses/progress.ts";
import { getDb } from "../../../../lib/db.ts";

const Body = z.object({ lessonId: z.string().min(1).max(64), quizId: QuizIdSchema, answer: QuizAnswerSchema }).strict();

export const POST = route({ auth: true, body: Body }, async ({ body, user }) => {
  const db = getDb();
  const lesson = await db.lesson.findFirst({
    where: { id: body.lessonId, course: { enrollments: { some: { userId: user.id } } } },
    select: { id: true, slug: true },
  });
  if (!lesson) throw new DomainError("not_found", "No such lesson in your courses.");
  // Questions and their options are the same in every language (checked by the content tests).
  const content = await getLesson(lesson.slug, "en");
  const quiz = content?.segments.find((s) => s.kind === "quiz" && s.quiz.id === body.quizId);
  if (quiz?.kind !== "quiz") throw new ApiError(404, "not_found", "This lesson has no such question.");
  if (quiz.quiz.kind === "choice" && !(Number.isInteger(body.answer) && body.answer >= 0 && body.answer < quiz.quiz.options.length)) {
    throw new ApiError(400, "invalid_input", "That option does not exist.", { answer: "Pick one of the options." });
  }
  const answers = await saveQuizAnswer(db, user.id, lesson.id, body.quizId, body.answer);
  return { lessonId: lesson.id, answers };
});
