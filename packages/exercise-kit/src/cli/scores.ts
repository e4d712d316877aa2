/**
 * The catalogue's recorded test-strength scores (docs/test-strength.json, with a Markdown table
 * beside it). `check` fails an exercise whose score drops below its record; `--record` rewrites both.
 */
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { z } from "zod";
import type { CheckReport } from "../check-exercise.ts";

export const RecordedScoreSchema = z.object({
  total: z.number().int().nonnegative(),
  killed: z.number().int().nonnegative(),
  equivalent: z.number().int().nonnegative(),
  survivors: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
});
export const RecordedScoresSchema = z.object({
  command: z.string(),
  seed: z.number().int().nonnegative(),
  exercises: z.record(z.string(), RecordedScoreSchema),
});
export type RecordedScores = z.infer<typeof RecordedScoresSchema>;

export async function readRecordedScores(path: string): Promise<RecordedScores | undefined> {
  if (!existsSync(path)) return undefined;
  const parsed = RecordedScoresSchema.safeParse(JSON.parse(await readFile(path, "utf8")));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.path.join(".") ?? ""} ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

/** Scores are compared rounded to 4 decimals, as recorded. */
const round = (x: number): number => Math.round(x * 10_000) / 10_000;

/** A failing item when the report's score is below the recorded one. */
export function scoreDrop(report: CheckReport, recorded: RecordedScores | undefined): string | undefined {
  const before = recorded?.exercises[report.id];
  if (report.strength === undefined || before === undefined) return undefined;
  const now = round(report.strength.score);
  return now < before.score ? `test strength dropped from ${(before.score * 100).toFixed(1)}% to ${(now * 100).toFixed(1)}% (docs/test-strength.json)` : undefined;
}

export async function recordScores(jsonPath: string, mdPath: string, reports: CheckReport[], seed: number): Promise<void> {
  const previous = await readRecordedScores(jsonPath);
  const exercises: RecordedScores["exercises"] = { ...previous?.exercises };
  for (const r of reports) {
    if (r.strength === undefined) continue;
    const s = r.strength;
    exercises[r.id] = { total: s.total, killed: s.killed, equivalent: s.equivalent.length, survivors: s.survivors.length, score: round(s.score) };
  }
  const sorted = Object.fromEntries(Object.entries(exercises).sort(([a], [b]) => a.localeCompare(b)));
  const doc: RecordedScores = { command: "pnpm exercise check --all --record", seed, exercises: sorted };
  await writeFile(jsonPath, `${JSON.stringify(doc, null, 2)}\n`);
  const rows = Object.entries(sorted).map(([id, s]) => `| ${id} | ${s.total} | ${s.killed} | ${s.equivalent} | ${s.survivors} | ${(s.score * 100).toFixed(1)}% |`);
  const totals = Object.values(sorted).reduce((a, s) => ({ total: a.total + s.total, killed: a.killed + s.killed, equivalent: a.equivalent + s.equivalent }), { total: 0, killed: 0, equivalent: 0 });
  const overall = totals.total - totals.equivalent === 0 ? 1 : totals.killed / (totals.total - totals.equivalent);
  await writeFile(
    mdPath,
    [
      "# Test strength of the built-in exercises",
      "",
      "Each exercise's reference solution is mutated automatically (Stryker's instrumenter: changed",
      "operators, conditions, constants, removed blocks...), and every automatic mutant is graded with",
      `the hidden tests (seed ${seed}). The score is the share of mutants the hidden tests reject; a`,
      "mutant that behaves exactly like the reference is recorded, with a reason, in the exercise's",
      "`equivalent-mutants.json` and does not count. `pnpm exercise check` fails an exercise whose",
      "score drops below this record; `pnpm exercise check --all --record` rewrites this file and",
      "`test-strength.json` beside it.",
      "",
      "| exercise | mutants | rejected | equivalent | survivors | score |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...rows,
      `| **all** | ${totals.total} | ${totals.killed} | ${totals.equivalent} | ${totals.total - totals.killed - totals.equivalent} | ${(overall * 100).toFixed(1)}% |`,
      "",
    ].join("\n"),
  );
}
