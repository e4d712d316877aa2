// The catalogue module must import every exercise folder's manifest, and agree with the manifest
// exercise-kit validates when it loads the folder.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exerciseCatalogue, exerciseIds, isExerciseId } from "./catalogue.ts";
import { EXERCISES_ROOT, loadExercise } from "./index.ts";

describe("exercise catalogue", () => {
  it("imports the manifest of every folder in exercises/", async () => {
    const entries = await readdir(EXERCISES_ROOT, { withFileTypes: true });
    const folders = entries
      .filter((e) => e.isDirectory() && e.name !== "node_modules" && !e.name.startsWith("."))
      .map((e) => e.name);
    for (const folder of folders) expect(existsSync(join(EXERCISES_ROOT, folder, "exercise.json")), `${folder}/exercise.json`).toBe(true);
    expect([...exerciseIds].sort()).toEqual(folders.sort());
  });

  it("lists exercises by lesson, then order, each order used once within a lesson", () => {
    const keys = exerciseCatalogue.map((e) => [e.lesson, e.order] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(new Set(keys.map(([lesson, order]) => `${lesson}.${order}`)).size).toBe(keys.length);
    expect(new Set(exerciseIds).size).toBe(exerciseIds.length);
  });

  it.each(exerciseCatalogue.map((e) => [e.id, e] as const))("%s: matches its validated manifest", async (id, entry) => {
    const { manifest } = await loadExercise(id);
    expect({ id: manifest.id, lesson: manifest.lesson, order: manifest.order, title: manifest.title, exports: manifest.exports }).toEqual(entry);
  });

  it("tells catalogue ids from other strings", () => {
    expect(isExerciseId("softmax")).toBe(true);
    expect(isExerciseId("soft-max")).toBe(false);
  });
});
