// Self-check questions, written in the lesson as a fence whose info string is `quiz <id>`:
//
//   ```quiz shapes
//   ? What shape has $XW + b$ for $X$ of shape $[4, 2]$ and $W$ of shape $[2, 3]$?
//   - $[2, 3]$
//   + $[4, 3]$
//   > One row per example, one column per unit.
//   ```
//
// `?` the question, `-` a wrong option, `+` the right one (multiple choice), or `= 0.25 ~ 0.001`
// a numeric answer with its tolerance, `>` the explanation shown after an answer. Texts are inline
// Markdown (maths allowed). Browser-safe: no Node imports.
import { z } from "zod";

export const QuizIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "a quiz id is 1-40 lower-case letters, digits or dashes");

const Text = z.string().trim().min(1).max(600);

export const QuizSchema = z.discriminatedUnion("kind", [
  z.object({
    id: QuizIdSchema,
    kind: z.literal("choice"),
    question: Text,
    options: z.array(Text).min(2).max(6),
    correct: z.number().int().min(0),
    explanation: Text,
  }),
  z.object({
    id: QuizIdSchema,
    kind: z.literal("numeric"),
    question: Text,
    answer: z.number().finite(),
    tolerance: z.number().finite().min(0),
    explanation: Text,
  }),
]);
export type Quiz = z.infer<typeof QuizSchema>;

/** A reader's answer: the chosen option's index, or the number typed. */
export const QuizAnswerSchema = z.number().finite();
export type QuizAnswer = z.infer<typeof QuizAnswerSchema>;

/** Answers of one lesson by quiz id, as stored with the lesson's progress. */
export const QuizAnswersSchema = z.record(QuizIdSchema, QuizAnswerSchema);
export type QuizAnswers = z.infer<typeof QuizAnswersSchema>;

export class QuizFormatError extends Error {
  override name = "QuizFormatError";
}

/** Parses a quiz fence's body; throws QuizFormatError naming what is wrong. */
export function parseQuiz(id: string, body: string): Quiz {
  let question: string | undefined;
  let explanation: string | undefined;
  const options: string[] = [];
  const correct: number[] = [];
  let numeric: { answer: number; tolerance: number } | undefined;
  for (const raw of body.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    const marker = line[0];
    const text = line.slice(1).trim();
    if (marker === "?") question = question === undefined ? text : `${question} ${text}`;
    else if (marker === ">") explanation = explanation === undefined ? text : `${explanation} ${text}`;
    else if (marker === "-" || marker === "+") {
      if (marker === "+") correct.push(options.length);
      options.push(text);
    } else if (marker === "=") {
      const m = /^(-?\d+(?:\.\d+)?(?:e-?\d+)?)\s*(?:~\s*(\d+(?:\.\d+)?(?:e-?\d+)?))?$/i.exec(text);
      if (m === null) throw new QuizFormatError(`quiz "${id}": "= ${text}" is not "= number ~ tolerance"`);
      numeric = { answer: Number(m[1]), tolerance: Number(m[2] ?? "0") };
    } else throw new QuizFormatError(`quiz "${id}": a line must start with ?, -, +, = or > (got "${line.slice(0, 20)}")`);
  }
  if (numeric !== undefined && options.length > 0) throw new QuizFormatError(`quiz "${id}": options and a numeric answer`);
  if (numeric === undefined && correct.length !== 1) throw new QuizFormatError(`quiz "${id}": exactly one option must be marked + (found ${correct.length})`);
  const candidate =
    numeric !== undefined
      ? { id, kind: "numeric", question, explanation, ...numeric }
      : { id, kind: "choice", question, explanation, options, correct: correct[0] };
  const parsed = QuizSchema.safeParse(candidate);
  if (!parsed.success) throw new QuizFormatError(`quiz "${id}": ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
