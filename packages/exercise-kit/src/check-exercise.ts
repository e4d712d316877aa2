/**
 * checkExercise: an exercise end to end, the author's safety net (the `pnpm exercise check` CLI and
 * the exercises' tests). Every grading goes through an ExerciseRunner, so the same check runs
 * in-process or against a sandbox.
 */
import { PLACEHOLDER, PLACEHOLDER_HINTS, hasPlaceholder } from "./check/placeholders.ts";
import { inProcessRunner, type ExerciseRunner, type PlanData } from "./check/runner.ts";
import type { StrengthReport } from "./check/strength.ts";
import { folderSubject, type CheckSubject } from "./check/subject.ts";
import { compileSubmission } from "./compile.ts";
import type { Exercise } from "./exercise.ts";
import { hasUntranslated, renderFeedback } from "./messages/feedback.ts";
import type { GradeReport } from "./report.ts";
import { TEST_NAMES_FILE, testNameProblems } from "./test-names.ts";
import { HINTS_FILE, hintProblems } from "./hints.ts";

/** The parts of a check, in the order they run (the CLI's table has one column each). */
export const CHECK_SECTIONS = ["placeholders", "statements", "tests", "starter", "reference", "alternatives", "mutants", "same seed", "domain", "feedback", "strength"] as const;
export type CheckSection = (typeof CHECK_SECTIONS)[number];

export interface CheckItem {
  section: CheckSection;
  name: string;
  ok: boolean;
  detail: string;
}

export interface CheckReport {
  id: string;
  ok: boolean;
  items: CheckItem[];
  /** Present when the check measured test strength. */
  strength?: StrengthReport;
  seeds: number[];
  durationMs: number;
}

export interface CheckOptions {
  /** Seeds to grade the reference, the alternatives and the mutants with (default [1, 2, 3]). */
  seeds?: number[];
  /** Who plans and grades (default: in this process). */
  runner?: ExerciseRunner;
  /** Also mutate the reference automatically and measure how many mutants the hidden tests reject. */
  strength?: boolean;
  /** Who grades the automatic mutants (default: `runner`); e.g. one with a shorter time limit. */
  strengthRunner?: ExerciseRunner;
  /** Progress lines ("reference, seed 4"), for a terminal. */
  onProgress?: (message: string) => void;
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * Feedback problems in a report: a message with no structured form, one whose English rendering
 * is not the message, or one that exists only in English (a custom check returned no feedback).
 */
function feedbackProblems(label: string, r: GradeReport): string[] {
  const out: string[] = [];
  const look = (where: string, message: string | undefined, feedback: GradeReport["feedback"]): void => {
    if (message === undefined) return;
    if (feedback === undefined) out.push(`${label} ${where}: no structured feedback for "${message}"`);
    else if (renderFeedback(feedback, "en") !== message) out.push(`${label} ${where}: feedback does not render to the message "${message}"`);
    else if (hasUntranslated(feedback)) out.push(`${label} ${where}: English only: "${message}"`);
  };
  look("(submission)", r.message, r.feedback);
  for (const t of r.tests) look(`"${t.name}"`, t.message, t.feedback);
  return out;
}

function failures(r: GradeReport): string {
  const bad = r.tests.filter((t) => !t.passed).map((t) => `${t.name}: ${t.message ?? ""}`);
  return `${r.status} ${r.score}/${r.maxScore}${r.message ? ` — ${r.message}` : ""}${bad.length ? `\n    ${bad.join("\n    ")}` : ""}`;
}

const fullMarks = (r: GradeReport): boolean => r.status === "passed" && r.score === r.maxScore;

/** Files of the folder that still hold the scaffold's placeholder, each with what to write there. */
async function placeholderProblems(ex: CheckSubject): Promise<string[]> {
  const texts: [string, string][] = [
    ["exercise.json", JSON.stringify(ex.manifest)],
    ["statement.en.md", ex.statements.en],
    ["statement.zh-CN.md", ex.statements["zh-CN"]],
    ["starter.ts", ex.starter],
    ["solution.ts", ex.solution],
    ["tests.ts", ex.cases.map((c) => c.name).join("\n")],
    ["tests.zh-CN.json", JSON.stringify(ex.testNames)],
    ...ex.alternatives.map((a): [string, string] => [`alternatives/${a.name}.ts`, a.source]),
    ...ex.mutants.map((m): [string, string] => [`mutants/${m.name}.ts`, m.source]),
  ];
  const hints = await ex.readOptional(HINTS_FILE);
  if (hints !== undefined) texts.push([HINTS_FILE, hints]);
  return texts
    .filter(([, text]) => hasPlaceholder(text))
    .map(([file]) => `${file}: ${PLACEHOLDER_HINTS[file] ?? PLACEHOLDER_HINTS[file.replace(/[^/]+$/, "")] ?? "replace the placeholder"}`);
}

/** Two plans of one seed must be the same data (same calls, same domain verdicts). */
function samePlan(a: PlanData, b: PlanData): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Checks an exercise folder (loaded in this process) or a CheckSubject (its data parts and the
 * case list of a plan, e.g. one made in the author sandbox).
 */
export async function checkExercise(exercise: Exercise | CheckSubject, options: CheckOptions = {}): Promise<CheckReport> {
  const ex = "dir" in exercise ? folderSubject(exercise) : exercise;
  const started = performance.now();
  const seeds = options.seeds ?? [1, 2, 3];
  const first = seeds[0] ?? 1;
  const runner = options.runner ?? ("dir" in exercise ? inProcessRunner(exercise) : undefined);
  if (runner === undefined) throw new Error("checkExercise: a CheckSubject needs a runner");
  const progress = options.onProgress ?? (() => {});
  const items: CheckItem[] = [];
  const add = (section: CheckSection, name: string, ok: boolean, detail = ""): void => {
    items.push({ section, name, ok, detail });
  };

  const placeholders = await placeholderProblems(ex);
  add("placeholders", `no ${PLACEHOLDER} placeholder is left`, placeholders.length === 0, placeholders.join("\n    "));

  const { en, "zh-CN": zh } = ex.statements;
  add("statements", "statement.en.md is written", en.trim().length > 200, `${en.trim().length} characters (at least 200)`);
  add("statements", "statement.zh-CN.md is written in Chinese", zh.trim().length > 100 && CJK.test(zh), `${zh.trim().length} characters (at least 100, in Chinese)`);
  for (const name of ex.manifest.exports) {
    add("statements", `statements name the export ${name}`, en.includes(name) && zh.includes(name));
  }
  const pub = ex.cases.filter((c) => c.visibility === "public").length;
  const hid = ex.cases.length - pub;
  add("tests", "has public and hidden tests", pub > 0 && hid > 0, `${pub} public, ${hid} hidden`);
  add("tests", "has random and fixed edge cases", ex.cases.some((c) => c.kind === "random") && ex.cases.some((c) => c.kind === "edge"));
  const names = testNameProblems(ex.testNames, ex.cases.map((c) => c.name));
  add(
    "tests",
    `${TEST_NAMES_FILE["zh-CN"]} translates every test case name`,
    names.missing.length === 0 && names.unused.length === 0,
    [names.missing.length > 0 ? `missing: ${names.missing.map((n) => JSON.stringify(n)).join(", ")}` : "", names.unused.length > 0 ? `no such case: ${names.unused.map((n) => JSON.stringify(n)).join(", ")}` : ""]
      .filter(Boolean)
      .join("; "),
  );
  const untranslated: string[] = [];

  progress("starter");
  const starterCompiled = await compileSubmission(ex.starter);
  add("starter", "starter compiles", starterCompiled.ok, starterCompiled.ok ? "" : JSON.stringify(starterCompiled.errors));
  const starter = await runner.grade(ex.starter, { seed: first, visibility: "hidden" });
  add("starter", "starter fails the hidden tests", starter.status !== "passed" && starter.score < starter.maxScore, `${starter.status} ${starter.score}/${starter.maxScore}`);
  untranslated.push(...feedbackProblems("starter", starter));

  for (const [i, seed] of seeds.entries()) {
    progress(`reference, seed ${seed} (${i + 1}/${seeds.length})`);
    const r = await runner.grade(ex.solution, { seed, visibility: "all" });
    add("reference", `solution gets full marks (seed ${seed})`, fullMarks(r), fullMarks(r) ? "" : failures(r));
    untranslated.push(...feedbackProblems(`solution (seed ${seed})`, r));
  }
  for (const alt of ex.alternatives) {
    const failed: string[] = [];
    for (const seed of seeds) {
      progress(`alternative ${alt.name}, seed ${seed}`);
      const r = await runner.grade(alt.source, { seed, visibility: "all" });
      if (!fullMarks(r)) failed.push(`seed ${seed}: ${failures(r)}`);
      if (seed === first) untranslated.push(...feedbackProblems(`alternative ${alt.name}`, r));
    }
    add("alternatives", `alternative ${alt.name} gets full marks on every seed`, failed.length === 0, failed.slice(0, 3).join("\n    "));
  }

  add("mutants", "has mutants", ex.mutants.length > 0, `${ex.mutants.length}`);
  const hints = hintProblems(ex.hints, ex.mutants.map((m) => m.name));
  add(
    "mutants",
    `${HINTS_FILE} gives every mutant a hint in both languages, in words`,
    hints.missing.length + hints.unused.length + hints.code.length === 0,
    [hints.missing.length > 0 ? `missing: ${hints.missing.join(", ")}` : "", hints.unused.length > 0 ? `no such mutant: ${hints.unused.join(", ")}` : "", hints.code.length > 0 ? `looks like code: ${hints.code.join(", ")}` : ""]
      .filter(Boolean)
      .join("; "),
  );
  for (const m of ex.mutants) {
    const survived: string[] = [];
    for (const seed of seeds) {
      progress(`mutant ${m.name}, seed ${seed}`);
      const r = await runner.grade(m.source, { seed, visibility: "hidden" });
      if (r.status === "passed") survived.push(`seed ${seed}: ${r.score}/${r.maxScore}`);
      if (seed === first) untranslated.push(...feedbackProblems(`mutant ${m.name}`, r));
    }
    add("mutants", `mutant ${m.name} is rejected by the hidden tests`, survived.length === 0, survived.length ? `passed on ${survived.slice(0, 3).join(", ")}` : "");
  }
  add("feedback", "feedback comes in every language (solution, starter and mutant runs)", untranslated.length === 0, untranslated.slice(0, 5).join("\n    "));

  const changed: number[] = [];
  const outside = new Map<string, string[]>();
  const undeclared = new Set<string>();
  for (const seed of seeds) {
    progress(`planning twice, seed ${seed}`);
    const a = await runner.plan(seed, "all");
    const b = await runner.plan(seed, "all");
    if (!samePlan(a, b)) changed.push(seed);
    for (const c of a.cases) {
      if (c.domainDeclared !== true) undeclared.add(c.name);
      if (c.domainProblem !== undefined) outside.set(c.name, [...(outside.get(c.name) ?? []), `seed ${seed}: ${c.domainProblem}`]);
    }
  }
  add("same seed", "the same seed gives the same inputs", changed.length === 0, changed.length ? `seeds ${changed.join(", ")} planned different calls` : "");
  add("domain", "every case declares its input domain", undeclared.size === 0, undeclared.size ? `no domain for: ${[...undeclared].map((n) => JSON.stringify(n)).join(", ")} (add domain to defineTests)` : "");
  add(
    "domain",
    `every generated input lies inside the domain (${seeds.length} seeds)`,
    outside.size === 0,
    [...outside].map(([name, problems]) => `"${name}" ${problems.slice(0, 2).join("; ")}${problems.length > 2 ? ` (+${problems.length - 2} more seeds)` : ""}`).join("\n    "),
  );

  let strength: StrengthReport | undefined;
  if (options.strength === true) {
    // Loaded only here: the instrumenter (Babel) is heavy, and the web app imports this package.
    const { checkStrength } = await import("./check/strength.ts");
    strength = await checkStrength(ex, options.strengthRunner ?? runner, { seed: first, onProgress: progress });
    add(
      "strength",
      `the hidden tests reject the automatic mutants of the reference (${strength.killed}/${strength.total - strength.equivalent.length})`,
      strength.problems.length === 0,
      [...strength.problems, ...strength.survivors.map((s) => `survivor ${s.key} (line ${s.line})`)].join("\n    "),
    );
  }

  return { id: ex.manifest.id, ok: items.every((i) => i.ok), items, ...(strength ? { strength } : {}), seeds, durationMs: Math.round(performance.now() - started) };
}
