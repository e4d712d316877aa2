// What the lesson page's initial JavaScript may import: no zod, no schemas (those load with the
// demos, lazily, through ./browser.ts).
export { isCorrect } from "./quiz-check.ts";
export { formatLogLine, normalizeOutput } from "./sample-output.ts";
export type { Quiz, QuizAnswer, QuizAnswers } from "./quiz.ts";
export type { DemoName, DemoParams, OwnCodeSpec } from "./demos.ts";
export type { LessonBlock, LessonSegment } from "./blocks.ts";
