// Server side of drafts: validating a folder against the bundle limits, the files a new draft
// starts from (the template, or a copy of an exercise), and a draft as the editor receives it.
import type { Db } from "@course/db";
import {
  bundleHash,
  ExerciseBundleSchema,
  parseBundle,
  type ExerciseBundle,
} from "@course/exercise-kit/bundle";
import { copiedManifest, templateFiles } from "@course/exercise-kit/scaffold";
import { ApiError } from "../api-error.ts";

/** The folder as a bundle, or a 400 naming the first problem (a file too large, a bad path). */
export function validBundle(files: Record<string, string>): ExerciseBundle {
  const parsed = ExerciseBundleSchema.safeParse({ files });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError(
    400,
    "invalid_exercise",
    `The exercise cannot be saved: ${issue?.message ?? "invalid files"}.`,
  );
}

export function storedBundle(json: string): ExerciseBundle {
  return parseBundle(JSON.parse(json));
}

export { bundleHash };

/**
 * What a new draft starts from: the template, or a copy of the newest version of an exercise that
 * this course authored or that is in the built-in catalogue (never another course's).
 */
export async function startingFiles(
  db: Db,
  courseId: string,
  slug: string,
  from: string | undefined,
): Promise<Record<string, string>> {
  if (from === undefined) return templateFiles(slug);
  const source = await db.exerciseVersion.findFirst({
    where: {
      exercise: { slug: from, OR: [{ courseId }, { courseId: null }] },
      NOT: { bundle: null },
    },
    orderBy: { version: "desc" },
    select: { bundle: true },
  });
  if (source?.bundle == null)
    throw new ApiError(404, "not_found", `No exercise "${from}" to copy.`);
  const files = { ...storedBundle(source.bundle).files };
  files["exercise.json"] = copiedManifest(files["exercise.json"] ?? "{}", slug);
  return files;
}
