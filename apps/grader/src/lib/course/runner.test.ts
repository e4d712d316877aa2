/**
 * Course code is untrusted outside its own course: it runs in the author sandbox and nothing it
 * does reaches the grader's process, the environment, the network, files, or another exercise's
 * isolate. Only data comes back, parsed; a generator that never returns is stopped and named,
 * and the grader keeps serving.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromWire, type ExerciseBundle } from "@course/exercise-kit";
import { SandboxPool } from "../sandbox/pool.ts";
import { compileCourseCode } from "./compile.ts";
import { CourseCodeError, CourseSandbox } from "./runner.ts";
import { courseVersionFromBundle } from "./versions.ts";

let pool: SandboxPool;
let course: CourseSandbox;
beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 0, fullPoolSize: 0, authorPoolSize: 2 });
  course = new CourseSandbox(pool, { wallMs: 3_000 });
});
afterAll(async () => {
  await pool?.close();
});

/** A one-case exercise whose tests.ts body is `tests` (the rest of the bundle is fixed). */
function exercise(id: string, tests: string): ExerciseBundle {
  const manifest = { id, lesson: 1, title: { en: "T", "zh-CN": "T" }, exports: ["f"], bans: [] };
  return {
    files: {
      "exercise.json": JSON.stringify(manifest),
      "statement.en.md": "# T",
      "statement.zh-CN.md": "# T",
      "starter.ts": "export function f() {}",
      "solution.ts": "export function f() {}",
      "tests.ts": `import * as tf from "@tensorflow/tfjs";\nimport { call, defineTests, edgeCase } from "@course/exercise-kit";\n${tests}`,
    },
  };
}

async function expectedOf(id: string, tests: string): Promise<unknown> {
  const version = await courseVersionFromBundle(exercise(id, tests));
  const plan = await course.plan(version, 1, "all");
  return fromWire(plan.cases[0]!.expected!);
}

describe("the author sandbox", () => {
  it("gives course code no process, require, network, timers or Node globals", async () => {
    const probe = `export default defineTests({ run: () => call("f"), cases: [edgeCase("probe", () => ({}), { expected: () =>
      [typeof process, typeof (globalThis as Record<string, unknown>)["req" + "uire"], typeof fetch, typeof XMLHttpRequest, typeof setTimeout, typeof Buffer].join(",") })] });`;
    expect(await expectedOf("probe", probe)).toBe("undefined,undefined,undefined,undefined,undefined,undefined");
  });

  it("refuses imports of Node modules, other packages and files outside the exercise, naming them", async () => {
    for (const spec of ["node:fs", "child_process", "@course/db", "../../secrets.ts"]) {
      const r = await compileCourseCode(exercise("imports", `import x from "${spec}";\nexport default x;`));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message).toContain(spec);
    }
  });

  it("keeps each exercise's code in its own isolate: globals set by one are not seen by another", async () => {
    await expectedOf("writer", `globalThis.leak = "hidden answers";\nexport default defineTests({ run: () => call("f"), cases: [edgeCase("w", () => ({}), { expected: () => 1 })] });`);
    expect(await expectedOf("reader", `export default defineTests({ run: () => call("f"), cases: [edgeCase("r", () => ({}), { expected: () => typeof globalThis.leak })] });`)).toBe("undefined");
  });

  it("stops a generator that never returns, says so, and keeps serving", async () => {
    const loop = await courseVersionFromBundle(exercise("loop", `export default defineTests({ run: () => call("f"), cases: [edgeCase("forever", () => { for (;;) {} }, { expected: () => 1 })] });`));
    const t0 = Date.now();
    await expect(course.plan(loop, 1, "all")).rejects.toThrow(CourseCodeError);
    await expect(course.plan(loop, 1, "all")).rejects.toThrow(/did not finish within the time limit/);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(await expectedOf("after", `export default defineTests({ run: () => call("f"), cases: [edgeCase("ok", () => ({}), { expected: () => tf.tensor1d([1, 2]).sum().arraySync() })] });`)).toBe(3);
  });

  it("a test module that throws while loading is the exercise's error, with its message", async () => {
    const bad = await courseVersionFromBundle(exercise("throws", `throw new RangeError("bad generator config");\nexport default 1;`));
    await expect(course.plan(bad, 1, "all")).rejects.toThrow(/threw while loading: RangeError: bad generator config/);
  });

  it("a test module without defineTests is refused with a clear message", async () => {
    const bad = await courseVersionFromBundle(exercise("nodefault", `export default { cases: [] };`));
    await expect(course.plan(bad, 1, "all")).rejects.toThrow(/must default-export defineTests/);
  });

  it("plans ahead on fresh seeds: every grading gets its own plan, none is reused", async () => {
    const v = await courseVersionFromBundle(exercise("ahead", `export default defineTests({ run: () => call("f"), cases: [edgeCase("c", (rng) => ({ x: rng.int(0, 1000000) }), { expected: (i) => i.x })] });`));
    const plans = [];
    for (let i = 0; i < 4; i++) plans.push(await course.planFresh(v));
    const seeds = plans.map((p) => p.seed);
    expect(new Set(seeds).size).toBe(4);
    // A plan is a pure function of its seed: the one kept ahead is the one the seed gives.
    for (const p of plans) expect(fromWire(p.cases[0]!.expected!)).toEqual(fromWire((await course.plan(v, p.seed, "all")).cases[0]!.expected!));
  });

  it("plans right for more bundles than a host keeps: a module it let go is sent again", async () => {
    const one = await SandboxPool.start({ poolSize: 0, fullPoolSize: 0, authorPoolSize: 1 });
    try {
      const sandbox = new CourseSandbox(one, { wallMs: 3_000 });
      const versions = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => courseVersionFromBundle(exercise(`keep-${n}`, `export default defineTests({ run: () => call("f"), cases: [edgeCase("c", () => ({}), { expected: () => ${n} })] });`))),
      );
      // Each bundle twice in a row (the second time its module is kept and not sent), then all
      // again after the host has let the first ones go.
      const seen: unknown[] = [];
      for (const v of [...versions, ...versions]) {
        seen.push(fromWire((await sandbox.plan(v, 1, "all")).cases[0]!.expected!));
        seen.push(fromWire((await sandbox.plan(v, 2, "all")).cases[0]!.expected!));
      }
      expect(seen).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    } finally {
      await one.close();
    }
  });

  it("serves a bundle's plans from the author host it has, without starting new ones", async () => {
    const one = await SandboxPool.start({ poolSize: 0, fullPoolSize: 0, authorPoolSize: 1 });
    try {
      const sandbox = new CourseSandbox(one, { wallMs: 3_000 });
      const v = await courseVersionFromBundle(exercise("steady", `export default defineTests({ run: () => call("f"), cases: [edgeCase("c", () => ({}), { expected: () => 1 })] });`));
      for (let i = 0; i < 6; i++) {
        await sandbox.plan(v, i, "all");
        const s = one.status();
        // Sequential jobs never need a second host (each new one would load the bundle again).
        expect(s.ready + s.warming + s.busy).toBe(1);
      }
    } finally {
      await one.close();
    }
  });
});
