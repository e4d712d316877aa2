import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleHash, bundleParts, readBundleFolder } from "@course/exercise-kit/bundle";
import { listLessons } from "@course/lessons";
import type { DemoContent, DemoExercise } from "./demo.ts";

export const EXERCISES_DIR = fileURLToPath(new URL("../../../../exercises/", import.meta.url));

/**
 * Every catalogue exercise as a version snapshot: its files as a bundle (the version's content and
 * identity) and the few manifest fields the database records. Only data is read; no course code runs.
 */
export async function readExerciseSnapshots(dir = EXERCISES_DIR): Promise<DemoExercise[]> {
  const names = readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, "exercise.json")))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bundle = await readBundleFolder(join(dir, name));
      const { manifest, starter } = bundleParts(bundle);
      if (manifest.id !== name) throw new Error(`exercises/${name}/exercise.json: id "${manifest.id}" does not match its folder`);
      return {
        slug: manifest.id,
        lesson: manifest.lesson,
        title: manifest.title.en,
        titleZh: manifest.title["zh-CN"],
        manifest: JSON.parse(bundle.files["exercise.json"]!) as unknown,
        starterCode: starter,
        bundle,
        contentHash: bundleHash(bundle),
      };
    }),
  );
}

/** The demo course's content from the lessons package and the exercises folder. */
export async function loadDemoContent(): Promise<DemoContent> {
  const [en, zhList] = await Promise.all([listLessons("en"), listLessons("zh-CN")]);
  // A lesson shown in English for want of a translation has no Chinese title.
  const zh = new Map(zhList.filter((l) => !l.fallback).map((l) => [l.slug, l.title]));
  return {
    lessons: en.map((l) => ({ slug: l.slug, number: l.number, title: l.title, titleZh: zh.get(l.slug) ?? null })),
    exercises: await readExerciseSnapshots(),
  };
}
