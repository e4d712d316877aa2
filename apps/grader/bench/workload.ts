/**
 * What the simulated students send: real code from the exercise folders (reference solutions
 * and their alternatives are correct, the mutants are wrong), a few submissions that never finish
 * (a busy loop at load: they run into the exercise's wall limit) and hostile snippets that try to
 * reach the host, exhaust memory or flood the output. Each carries the outcome it must get.
 */
import { join } from "node:path";
import { bundleParts, readBundleFolder, type ExerciseParts } from "@course/exercise-kit";
import { EXERCISES_ROOT } from "@course/exercises";
import { mulberry32 } from "../src/lib/sandbox/isolate/mulberry32.ts";

export type Kind = "correct" | "wrong" | "timeout" | "hostile";

export interface Submission {
  exercise: string;
  kind: Kind;
  code: string;
}

/** Cheap-to-grade exercises from the first lessons, so the mix is not one exercise only. */
export const LOAD_EXERCISES = ["dense-forward", "softmax", "mse-loss", "activations"] as const;

/** The outcome a kind must get: correct code passes, everything else never does. */
export function expected(kind: Kind, status: string): boolean {
  if (kind === "correct") return status === "passed";
  if (kind === "timeout") return status === "timeout";
  return status !== "passed";
}

/** Hostile bodies; `name` is the exercise's first export so the module links. */
const hostile = (name: string): string[] => [
  `export function ${name}() { return (globalThis as any).process.exit(1); }`,
  `export function ${name}() { return (globalThis as any).require("node:fs").readFileSync("/etc/passwd", "utf8"); }`,
  `export function ${name}() { return (0, eval)("this").constructor.constructor("return process")().env; }`,
  `const hog: number[][] = []; while (true) hog.push(new Array(1e6).fill(1));\nexport function ${name}() { return hog; }`,
  `export function ${name}() { return "x".repeat(60_000_000); }`,
  `export async function ${name}() { return await (globalThis as any).fetch("http://127.0.0.1:1/"); }`,
  `import { readFileSync } from "node:fs";\nexport function ${name}() { return readFileSync("/etc/hostname", "utf8"); }`,
];

const timingOut = (name: string) => `while (true) {}\nexport function ${name}() { return 0; }`;

export interface Pools {
  correct: Submission[];
  wrong: Submission[];
  timeout: Submission[];
  hostile: Submission[];
}

export async function loadPools(ids: readonly string[] = LOAD_EXERCISES): Promise<Pools> {
  // The exercises' sources as data (their course code is never run here).
  const exercises: ExerciseParts[] = await Promise.all(ids.map(async (id) => bundleParts(await readBundleFolder(join(EXERCISES_ROOT, id)))));
  const pools: Pools = { correct: [], wrong: [], timeout: [], hostile: [] };
  for (const ex of exercises) {
    const id = ex.manifest.id;
    const name = ex.manifest.exports[0]!;
    pools.correct.push({ exercise: id, kind: "correct", code: ex.solution }, ...ex.alternatives.map((a) => ({ exercise: id, kind: "correct" as const, code: a.source })));
    pools.wrong.push(...ex.mutants.map((m) => ({ exercise: id, kind: "wrong" as const, code: m.source })));
    pools.timeout.push({ exercise: id, kind: "timeout", code: timingOut(name) });
    pools.hostile.push(...hostile(name).map((code) => ({ exercise: id, kind: "hostile" as const, code })));
  }
  return pools;
}


export interface Mix {
  /** Share of wrong (mutant) and hostile submissions; timing-out ones are counted exactly. */
  wrong: number;
  hostile: number;
  timeouts: number;
}

/**
 * `count` submissions: exactly `mix.timeouts` that time out (each holds a sandbox for the whole
 * wall limit, 10 s, so a handful already weighs as much as hundreds of gradings), the shares of
 * wrong and hostile ones, the rest correct; shuffled with a fixed seed.
 */
export function buildWorkload(pools: Pools, count: number, mix: Mix, seed = 1): Submission[] {
  const random = mulberry32(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const out: Submission[] = [];
  for (let i = 0; i < count; i++) {
    if (i < mix.timeouts) out.push(pick(pools.timeout));
    else {
      const r = random();
      out.push(r < mix.wrong ? pick(pools.wrong) : r < mix.wrong + mix.hostile ? pick(pools.hostile) : pick(pools.correct));
    }
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
