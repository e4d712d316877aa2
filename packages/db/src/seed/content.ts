import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { listLessons } from "@course/lessons";
import { z } from "zod";
import type { DemoContent, DemoExercise } from "./demo.ts";

export const EXERCISES_DIR = fileURLToPath(new URL("../../../../exercises/", import.meta.url));

// The fields the database records; @course/exercise-kit owns the full manifest schema.
const ManifestFields = z.looseObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  lesson: z.number().int().min(1),
  title: z.object({ en: z.string().min(1), "zh-CN": z.string().min(1) }),
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** sha256 over every file of an exercise folder (path and bytes): the version's identity. */
export function exerciseContentHash(folder: string): string {
  const h = createHash("sha256");
  for (const file of filesUnder(folder)) {
    h.update(relative(folder, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return h.digest("hex");
}

export function readExerciseSnapshots(dir = EXERCISES_DIR): DemoExercise[] {
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "exercise.json")))
    .sort()
    .map((name) => {
      const folder = join(dir, name);
      const raw: unknown = JSON.parse(readFileSync(join(folder, "exercise.json"), "utf8"));
      const parsed = ManifestFields.safeParse(raw);
      if (!parsed.success) throw new Error(`exercises/${name}/exercise.json: ${parsed.error.message}`);
      const m = parsed.data;
      if (m.id !== name) throw new Error(`exercises/${name}/exercise.json: id "${m.id}" does not match its folder`);
      return {
        slug: m.id,
        lesson: m.lesson,
        title: m.title.en,
        titleZh: m.title["zh-CN"],
        manifest: raw,
        starterCode: readFileSync(join(folder, "starter.ts"), "utf8"),
        contentHash: exerciseContentHash(folder),
      };
    });
}

/** The demo course's content from the lessons package and the exercises folder. */
export async function loadDemoContent(): Promise<DemoContent> {
  const [en, zhList] = await Promise.all([listLessons("en"), listLessons("zh-CN")]);
  // A lesson shown in English for want of a translation has no Chinese title.
  const zh = new Map(zhList.filter((l) => !l.fallback).map((l) => [l.slug, l.title]));
  return {
    lessons: en.map((l) => ({ slug: l.slug, number: l.number, title: l.title, titleZh: zh.get(l.slug) ?? null })),
    exercises: readExerciseSnapshots(),
  };
}
