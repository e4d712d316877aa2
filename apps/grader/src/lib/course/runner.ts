/**
 * The author sandbox seen from the trusted side: plans a grading (inputs, calls, expected values)
 * and runs custom checks by sending jobs to the pool's author hosts, where the exercise's course
 * code is loaded once per bundle and kept. Course code gets the same isolation as a submission
 * (bubblewrap, rlimits, cgroups, an isolate of its own) and only data comes back.
 */
import { randomInt } from "node:crypto";
import type { BundleSource, CheckResult, ExerciseManifest, MutantHints, TestNames, Tolerance, Visibility, Wire } from "@course/exercise-kit";
import type { SandboxPool, SandboxRun } from "../sandbox/pool.ts";
import { planFromWire, verdictsFromWire, type SandboxPlan } from "./plan-data.ts";

/** An exercise version ready to grade: its data parts and its compiled course code. */
export interface CourseVersion {
  /** Content hash of the bundle: the author isolate is kept under it. */
  hash: string;
  manifest: ExerciseManifest;
  testNames: TestNames;
  /** The course-code module (compileCourseCode). */
  code: string;
  /** The known-wrong variants and their hints (run like submissions to diagnose a failing one). */
  mutants: BundleSource[];
  hints: MutantHints;
}

/** Course code failed (threw, timed out, sent malformed data): the exercise's fault, not the student's. */
export class CourseCodeError extends Error {
  override name = "CourseCodeError";
  constructor(
    message: string,
    /** Where in the author's files, when known (a syntax error, an import that is not allowed). */
    readonly problems: readonly { file: string; line: number; column: number; message: string }[] = [],
  ) {
    super(message);
  }
}

export interface CourseSandboxOptions {
  /** Wall-clock limit of one plan or check, in ms. */
  wallMs: number;
}

const num = (v: number): Wire => ({ t: "number", v });
const str = (v: string): Wire => ({ t: "string", v });

function why(run: SandboxRun, what: string): string {
  if (run.outcome === "timeout") return `${what} did not finish within the time limit (${run.detail ?? "timeout"})`;
  if (run.outcome === "memory_limit") return `${what} ran out of memory (${run.detail ?? "memory limit"})`;
  if (run.outcome === "crashed") return `${what} crashed the sandbox (${run.detail ?? "crash"})`;
  const load = run.realm?.load;
  if (load !== undefined && !load.ok) return `the exercise's tests.ts threw while loading: ${load.error.name}: ${load.error.message}`;
  const r = run.realm?.results[0];
  if (r !== undefined && !r.ok) return `${what} threw ${r.error.name}: ${r.error.message}`;
  return `${what} returned nothing`;
}

/** A fresh grading seed (recorded with the grade; `grade --seed` reproduces it). */
export function freshSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}

/** Versions whose next plan is kept ready (the most recently graded ones). */
const PLANS_AHEAD = 16;

export class CourseSandbox {
  /** Per bundle hash, the plan for the next grading, drawn on a fresh seed ahead of time. */
  private ahead = new Map<string, Promise<SandboxPlan>>();

  constructor(
    private pool: SandboxPool,
    private options: CourseSandboxOptions,
  ) {}

  /**
   * A plan on a fresh seed for a grading starting now. Planning happens ahead: while one grading
   * runs, the author sandbox already draws the next one's inputs, so a grading does not wait for
   * course code unless it arrives first. Each plan serves exactly one grading.
   */
  async planFresh(version: CourseVersion): Promise<SandboxPlan> {
    const ready = this.ahead.get(version.hash);
    this.ahead.delete(version.hash);
    const plan = ready === undefined ? undefined : await ready.catch(() => undefined);
    const out = plan ?? (await this.plan(version, freshSeed(), "all"));
    const next = this.plan(version, freshSeed(), "all");
    next.catch(() => undefined);
    this.ahead.set(version.hash, next);
    while (this.ahead.size > PLANS_AHEAD) this.ahead.delete(this.ahead.keys().next().value as string);
    return out;
  }

  private async call(version: CourseVersion, exportName: "plan" | "check", args: Wire[], what: string): Promise<Wire> {
    const run = await this.pool.run({
      flavour: "full",
      code: version.code,
      calls: [{ id: exportName, kind: "export", export: exportName, args }],
      bans: [],
      allow: [],
      wallMs: this.options.wallMs,
      reuse: version.hash,
    });
    const r = run.outcome === "ok" && run.realm?.load.ok === true ? run.realm.results[0] : undefined;
    if (r === undefined || !r.ok) throw new CourseCodeError(why(run, what));
    return r.value;
  }

  /** Draws the inputs for `seed` and computes the expected values, inside the author sandbox. */
  async plan(version: CourseVersion, seed: number, visibility: Visibility): Promise<SandboxPlan> {
    const wire = await this.call(version, "plan", [num(seed), str(visibility)], "planning the tests");
    return planFromWire(wire, { exerciseId: version.manifest.id, seed, visibility, tolerance: version.manifest.tolerance });
  }

  /** Verdicts of the cases' custom checks on the student's outputs, in request order. */
  async check(version: CourseVersion, seed: number, requests: { name: string; outputs: Wire[]; tolerance: Tolerance }[]): Promise<CheckResult[]> {
    if (requests.length === 0) return [];
    const arg: Wire = {
      t: "array",
      items: requests.map((r) => ({
        t: "object",
        entries: {
          name: str(r.name),
          outputs: { t: "array", items: r.outputs },
          tolerance: { t: "object", entries: { atol: num(r.tolerance.atol), rtol: num(r.tolerance.rtol) } },
        },
      })),
    };
    const wire = await this.call(version, "check", [num(seed), arg], "a custom check");
    return verdictsFromWire(wire, requests.length);
  }
}
