// Browser-safe surface (no Node imports): what the lesson page's client code and workers need.
export { demoNames, demoSpecs, isDemoName, parseDemoDirective, DemoDirectiveError, type DemoName, type DemoParams, type DemoSpec, type OwnCodeSpec } from "./demos.ts";
export { isCorrect } from "./quiz-check.ts";
export { parseQuiz, QuizAnswerSchema, QuizAnswersSchema, QuizIdSchema, QuizSchema, type Quiz, type QuizAnswer, type QuizAnswers } from "./quiz.ts";
export { formatLogLine, normalizeOutput } from "./sample-output.ts";
export type { LessonBlock, LessonSegment } from "./blocks.ts";
