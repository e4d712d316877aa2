import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { catalog, exerciseById, exerciseIds, exercisesOfLesson, isExerciseId, lessonSlugs } from "./catalog.ts";

// The product spec, kept in the repository as docs/COURSE.md (a copy of the shared spec).
const courseMd = readFileSync(new URL("../../../docs/COURSE.md", import.meta.url), "utf8");

/** Exercise ids and their lesson numbers as COURSE.md's catalogue lists them. */
function parseCourseCatalogue(text: string): [string, number][] {
  const start = text.indexOf("## Catalogue");
  const section = text.slice(start, text.indexOf("\nExercises whose inputs", start));
  const rows: [string, number][] = [];
  let lesson = 0;
  for (const line of section.split("\n")) {
    const heading = /^Lesson (\d+) ·/.exec(line);
    if (heading) lesson = Number(heading[1]);
    const item = /^- `([a-z0-9-]+)` →/.exec(line);
    if (item?.[1] !== undefined) rows.push([item[1], lesson]);
  }
  return rows;
}

describe("catalog", () => {
  it("lists exactly the exercises of COURSE.md, in order, with their lessons", () => {
    const fromSpec = parseCourseCatalogue(courseMd);
    expect(fromSpec.length).toBeGreaterThan(0);
    expect(catalog.map((e) => [e.id, e.lesson])).toEqual(fromSpec);
    expect([...exerciseIds]).toEqual(fromSpec.map(([id]) => id));
  });

  it("names every export COURSE.md lists for an exercise", () => {
    for (const entry of catalog) {
      // An item runs from its "- `id` →" line to the next item or blank line.
      const start = courseMd.indexOf(`- \`${entry.id}\` →`);
      expect(start, entry.id).toBeGreaterThanOrEqual(0);
      const rest = courseMd.slice(start + 2);
      const end = rest.search(/\n(?:- `|\n|Lesson )/);
      const line = rest.slice(0, end);
      for (const name of entry.exports) expect(line, `${entry.id} exports ${name}`).toContain(name);
    }
  });

  it("has unique ids and gives every lesson at least one exercise", () => {
    expect(new Set(exerciseIds).size).toBe(exerciseIds.length);
    for (const slug of lessonSlugs) expect(exercisesOfLesson(slug).length, slug).toBeGreaterThan(0);
  });

  it("maps exercises to lessons and rejects unknown ids", () => {
    expect(exerciseById("adam").lessonSlug).toBe("04-optimisers");
    expect(exercisesOfLesson("07-attention")).toEqual([
      "causal-mask",
      "scaled-dot-product-attention",
      "attention-backward",
    ]);
    expect(isExerciseId("softmax")).toBe(true);
    expect(isExerciseId("soft-max")).toBe(false);
    // @ts-expect-error an id outside the catalogue is a type error too
    expect(() => exerciseById("nope")).toThrow(RangeError);
  });
});
