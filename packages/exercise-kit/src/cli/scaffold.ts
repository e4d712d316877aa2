/**
 * `pnpm exercise new <id> [--from <existing-id>]`: a new exercise folder with every part, each
 * holding the TODO(author) placeholder that `pnpm exercise check` explains.
 */
import { existsSync } from "node:fs";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ExerciseManifestSchema } from "../manifest.ts";
import { copiedManifest, templateFiles } from "../scaffold-files.ts";

export const EXERCISE_ID = ExerciseManifestSchema.shape.id;

export class ScaffoldError extends Error {
  override name = "ScaffoldError";
}

/** Creates `<root>/<id>`; returns the files written (relative). */
export async function scaffoldExercise(root: string, id: string, from?: string): Promise<string[]> {
  if (!EXERCISE_ID.safeParse(id).success) throw new ScaffoldError(`"${id}" is not a valid exercise id: use kebab-case (lower-case letters, digits and single hyphens), e.g. relu-forward`);
  const dir = join(root, id);
  if (existsSync(dir)) throw new ScaffoldError(`exercise "${id}" already exists (${dir}): choose another id`);
  if (from !== undefined) {
    const source = join(root, from);
    if (!EXERCISE_ID.safeParse(from).success || !existsSync(join(source, "exercise.json"))) throw new ScaffoldError(`--from: no exercise "${from}" in ${root}`);
    await cp(source, dir, { recursive: true });
    const manifestPath = join(dir, "exercise.json");
    await writeFile(manifestPath, copiedManifest(await readFile(manifestPath, "utf8"), id));
    return ["(copy of " + from + ")", "exercise.json"];
  }
  const files = templateFiles(id);
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), text, { flag: "wx" });
  }
  return Object.keys(files);
}
