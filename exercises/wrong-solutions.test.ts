// Wrong solutions of our own (exercises/<id>/wrong/*.ts: mistakes students really make, apart
// from the mutants), each naming the diagnoses that would be right for it (`// expect: a|b`, or
// `none` when no diagnosis fits). Prints how many get a diagnosis and how many of those are
// right; correct solutions get none, on several seeds.
import { readdir, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { diagnoseLocally } from "@course/exercise-kit";
import { describe, expect, it } from "vitest";
import { EXERCISES_ROOT, exerciseIds, listExercises, loadExercise, type ExerciseId } from "./index.ts";

interface Wrong {
  id: ExerciseId;
  name: string;
  source: string;
  expect: string[];
}

async function wrongSolutions(): Promise<Wrong[]> {
  const out: Wrong[] = [];
  for (const id of exerciseIds) {
    const dir = join(EXERCISES_ROOT, id, "wrong");
    if (!existsSync(dir)) continue;
    for (const f of (await readdir(dir)).filter((x) => x.endsWith(".ts")).sort()) {
      const source = await readFile(join(dir, f), "utf8");
      const line = /^\/\/ expect: (.+)$/m.exec(source)?.[1];
      if (line === undefined) throw new Error(`${id}/wrong/${f}: no "// expect:" line`);
      out.push({ id, name: f.replace(/\.ts$/, ""), source, expect: line.split("|").map((s) => s.trim()).filter((s) => s !== "none") });
    }
  }
  return out;
}

describe("diagnoses of wrong solutions of our own", () => {
  it("are right for at least 2 in 3 of those diagnosed, across all twelve lessons", { timeout: 600_000 }, async () => {
    const wrong = await wrongSolutions();
    expect(wrong.length).toBeGreaterThanOrEqual(30);
    const lessonOf = new Map((await listExercises()).map((e) => [e.id, e.lesson]));
    expect(new Set(wrong.map((w) => lessonOf.get(w.id))).size).toBe(12);
    const rows: string[] = [];
    let diagnosed = 0;
    let right = 0;
    for (const w of wrong) {
      const ex = await loadExercise(w.id);
      const { report, diagnoses } = await diagnoseLocally(ex, w.source, { seed: 31 });
      expect(report.status, `${w.id}/${w.name} must be wrong`).not.toBe("passed");
      const keys = diagnoses.map((d) => d.key);
      const ok = keys.length > 0 && keys.every((k) => w.expect.includes(k));
      if (keys.length > 0) diagnosed++;
      if (ok) right++;
      rows.push(`${keys.length === 0 ? "  -  " : ok ? "RIGHT" : "WRONG"}  ${w.id}/${w.name}: ${keys.join(", ") || "no diagnosis"} (expected ${w.expect.join(" or ") || "none"})`);
    }
    console.log(`${rows.join("\n")}\nwrong solutions: ${wrong.length}; diagnosed: ${diagnosed}; diagnosed right: ${right}`);
    expect(right * 3).toBeGreaterThanOrEqual(diagnosed * 2);
  });
});

describe("no diagnosis on a correct solution", () => {
  it.each(exerciseIds.map((id) => [id]))("%s: solution and alternatives, three seeds", { timeout: 120_000 }, async (id) => {
    const ex = await loadExercise(id);
    for (const seed of [5, 606, 70_707]) {
      for (const source of [ex.solution, ...ex.alternatives.map((a) => a.source)]) {
        const { report, diagnoses } = await diagnoseLocally(ex, source, { seed });
        expect(report.status).toBe("passed");
        expect(diagnoses).toEqual([]);
      }
    }
  });
});
