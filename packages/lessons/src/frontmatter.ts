// A deliberately small front-matter format: a `---` fenced block of `key: value` lines.
import { z } from "zod";
import { exercisesOfLesson, isExerciseId, type ExerciseId, type LessonSlug } from "./catalog.ts";

export class LessonFormatError extends Error {
  override name = "LessonFormatError";
}

export const LessonFrontMatterSchema = z
  .object({
    title: z.string().trim().min(1).max(120),
    summary: z.string().trim().min(1).max(400),
    minutes: z
      .string()
      .regex(/^\d+$/, "minutes must be a whole number")
      .transform(Number)
      .pipe(z.number().int().min(5).max(240)),
    exercises: z
      .string()
      .transform((s) => s.split(",").map((id) => id.trim()).filter((id) => id !== ""))
      .pipe(
        z
          .array(z.string().refine(isExerciseId, { error: (issue) => `unknown exercise id "${String(issue.input)}"` }))
          .min(1),
      ),
  })
  .strict();

export interface LessonFrontMatter {
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly exerciseIds: ExerciseId[];
}

/** Splits `---\nkey: value\n---\nbody` into raw fields and the Markdown body. */
export function splitFrontMatter(source: string): { fields: Record<string, string>; body: string } {
  const text = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (match === null) throw new LessonFormatError("missing front matter (a --- block at the top)");
  const fields: Record<string, string> = {};
  for (const [i, line] of (match[1] ?? "").split("\n").entries()) {
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) throw new LessonFormatError(`front matter line ${i + 1} is not "key: value"`);
    const key = line.slice(0, colon).trim();
    if (key in fields) throw new LessonFormatError(`front matter key "${key}" appears twice`);
    fields[key] = line.slice(colon + 1).trim();
  }
  return { fields, body: text.slice(match[0].length) };
}

/** Parses and validates a lesson file; its exercises must be exactly the catalogue's for the lesson. */
export function parseLessonFile(
  source: string,
  slug: LessonSlug,
): { meta: LessonFrontMatter; body: string } {
  const { fields, body } = splitFrontMatter(source);
  const parsed = LessonFrontMatterSchema.safeParse(fields);
  if (!parsed.success) {
    throw new LessonFormatError(`${slug}: invalid front matter: ${z.prettifyError(parsed.error)}`);
  }
  const { exercises, ...rest } = parsed.data;
  const expected = exercisesOfLesson(slug);
  const ids = exercises.filter(isExerciseId);
  if (ids.length !== expected.length || ids.some((id, i) => id !== expected[i])) {
    throw new LessonFormatError(
      `${slug}: exercises ${ids.join(", ")} differ from the catalogue's ${expected.join(", ")}`,
    );
  }
  return { meta: { ...rest, exerciseIds: ids }, body };
}
