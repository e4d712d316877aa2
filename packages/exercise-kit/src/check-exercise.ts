/** checkExercise: an exercise end to end (used by the authoring CLI and the exercises' tests). */
import { compileSubmission } from "./compile.ts";
import type { Exercise } from "./exercise.ts";
import { hasUntranslated, renderFeedback } from "./messages/feedback.ts";
import type { GradeReport } from "./report.ts";
import { runLocally } from "./run-locally.ts";
import { TEST_NAMES_FILE, testNameProblems } from "./test-names.ts";
import { HINTS_FILE, hintProblems } from "./hints.ts";

export interface CheckItem {
  name: string;
  ok: boolean;
  detail: string;
}

export interface CheckReport {
  id: string;
  ok: boolean;
  items: CheckItem[];
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

export async function checkExercise(ex: Exercise, options: { seeds?: number[] } = {}): Promise<CheckReport> {
  const seeds = options.seeds ?? [1, 2, 3];
  const items: CheckItem[] = [];
  const add = (name: string, ok: boolean, detail = ""): void => {
    items.push({ name, ok, detail });
  };

  const { en, "zh-CN": zh } = ex.statements;
  add("statement.en.md is written", en.trim().length > 200, `${en.trim().length} characters`);
  add("statement.zh-CN.md is written in Chinese", zh.trim().length > 100 && CJK.test(zh), `${zh.trim().length} characters`);
  for (const name of ex.manifest.exports) {
    add(`statements name the export ${name}`, en.includes(name) && zh.includes(name));
  }
  const pub = ex.tests.cases.filter((c) => c.visibility === "public").length;
  const hid = ex.tests.cases.length - pub;
  add("has public and hidden tests", pub > 0 && hid > 0, `${pub} public, ${hid} hidden`);
  add("has random and fixed edge cases", ex.tests.cases.some((c) => c.kind === "random") && ex.tests.cases.some((c) => c.kind === "edge"));
  const names = testNameProblems(ex.testNames, ex.tests.cases.map((c) => c.name));
  add(
    `${TEST_NAMES_FILE["zh-CN"]} translates every test case name`,
    names.missing.length === 0 && names.unused.length === 0,
    [names.missing.length > 0 ? `missing: ${names.missing.map((n) => JSON.stringify(n)).join(", ")}` : "", names.unused.length > 0 ? `no such case: ${names.unused.map((n) => JSON.stringify(n)).join(", ")}` : ""]
      .filter(Boolean)
      .join("; "),
  );
  const untranslated: string[] = [];

  const starterCompiled = await compileSubmission(ex.starter);
  add("starter compiles", starterCompiled.ok, starterCompiled.ok ? "" : JSON.stringify(starterCompiled.errors));
  const starter = await runLocally(ex, ex.starter, { seed: seeds[0] ?? 1, visibility: "hidden" });
  add("starter fails the hidden tests", starter.status !== "passed" && starter.score < starter.maxScore, `${starter.status} ${starter.score}/${starter.maxScore}`);
  untranslated.push(...feedbackProblems("starter", starter));

  for (const seed of seeds) {
    const r = await runLocally(ex, ex.solution, { seed, visibility: "all" });
    add(`solution passes everything (seed ${seed})`, r.status === "passed" && r.score === r.maxScore, failures(r));
    untranslated.push(...feedbackProblems(`solution (seed ${seed})`, r));
  }
  for (const alt of ex.alternatives) {
    const r = await runLocally(ex, alt.source, { seed: seeds[0] ?? 1, visibility: "all" });
    add(`alternative ${alt.name} passes everything`, r.status === "passed", failures(r));
    untranslated.push(...feedbackProblems(`alternative ${alt.name}`, r));
  }
  add("has mutants", ex.mutants.length > 0, `${ex.mutants.length}`);
  const hints = hintProblems(ex.hints, ex.mutants.map((m) => m.name));
  add(
    `${HINTS_FILE} gives every mutant a hint in both languages, in words`,
    hints.missing.length + hints.unused.length + hints.code.length === 0,
    [hints.missing.length > 0 ? `missing: ${hints.missing.join(", ")}` : "", hints.unused.length > 0 ? `no such mutant: ${hints.unused.join(", ")}` : "", hints.code.length > 0 ? `looks like code: ${hints.code.join(", ")}` : ""]
      .filter(Boolean)
      .join("; "),
  );
  for (const m of ex.mutants) {
    const r = await runLocally(ex, m.source, { seed: seeds[0] ?? 1, visibility: "hidden" });
    add(`mutant ${m.name} is rejected by the hidden tests`, r.status !== "passed", `${r.status} ${r.score}/${r.maxScore}`);
    untranslated.push(...feedbackProblems(`mutant ${m.name}`, r));
  }
  add("feedback comes in every language (solution, starter and mutant runs)", untranslated.length === 0, untranslated.slice(0, 5).join("\n    "));
  return { id: ex.manifest.id, ok: items.every((i) => i.ok), items };
}
