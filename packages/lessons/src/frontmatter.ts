// A deliberately small front-matter format: a `---` fenced block of `key: value` lines.
import { z } from "zod";
import { exercisesOfLesson, type ExerciseId, type LessonSlug } from "./catalog.ts";

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
  })
  .strict();

export interface LessonFrontMatter {
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  /** Not written in the file: the exercises whose exercise.json names this lesson, in order. */
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

/**
 * Parses and validates a lesson file. Its exercises come from the catalogue (each exercise.json
 * names its lesson), so the file does not list them; an `exercises:` key is rejected as unknown.
 */
export function parseLessonFile(
  source: string,
  slug: LessonSlug,
): { meta: LessonFrontMatter; body: string } {
  const { fields, body } = splitFrontMatter(source);
  const parsed = LessonFrontMatterSchema.safeParse(fields);
  if (!parsed.success) {
    throw new LessonFormatError(`${slug}: invalid front matter: ${z.prettifyError(parsed.error)}`);
  }
  return { meta: { ...parsed.data, exerciseIds: exercisesOfLesson(slug) }, body };
}
