import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkExercise } from "./check-exercise.ts";
import { loadExerciseFolder, type Exercise } from "./exercise.ts";
import * as tf from "@tensorflow/tfjs";
import { defineTests, randomCase, call } from "./define-tests.ts";
import { nonEmpty } from "./domain.ts";
import { scaleManifest, scaleSolution, scaleTestNames, scaleTests } from "./test-fixtures.ts";

const statementEn = "Scale every row of x by the matching entry of s: scaleRows(x, s) = x * s[:, None]; total(x) sums x. $y = s x$. ".repeat(3);
const statementZh = "把 x 的每一行乘以 s 中对应的数：scaleRows(x, s)；total(x) 求和。$y = s x$。".repeat(3);

function exercise(overrides: Partial<Exercise>): Exercise {
  return {
    dir: "/nowhere/scale-rows",
    manifest: scaleManifest,
    statements: { en: statementEn, "zh-CN": statementZh },
    starter: `export const scaleRows = (x: unknown) => x;\nexport const total = () => 0;\n`,
    solution: scaleSolution,
    solutionPath: "/nowhere/scale-rows/solution.ts",
    tests: scaleTests,
    mutants: [{ name: "adds", path: "m.ts", source: scaleSolution.replace("tf.mul(x, tf.reshape(s, [-1, 1]))", "tf.add(x, tf.reshape(s, [-1, 1]))") }],
    alternatives: [],
    testNames: scaleTestNames,
    hints: { adds: { en: "You add the scale to each row instead of multiplying by it.", "zh-CN": "你把缩放因子加到了每一行上，而不是乘上去。" } },
    ...overrides,
  };
}

const failing = (r: Awaited<ReturnType<typeof checkExercise>>): string[] => r.items.filter((i) => !i.ok).map((i) => i.name);

describe("checkExercise", () => {
  it("passes a complete exercise", async () => {
    const r = await checkExercise(exercise({}), { seeds: [1, 2] });
    expect(failing(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it("flags a surviving mutant, a starter that passes and a broken alternative", async () => {
    const r = await checkExercise(
      exercise({
        starter: scaleSolution,
        mutants: [{ name: "identical", path: "m.ts", source: scaleSolution }],
        hints: { identical: { en: "This mistake is no mistake at all.", "zh-CN": "这个错误其实根本不是错误。" } },
        alternatives: [{ name: "broken", path: "a.ts", source: "export const scaleRows = 1;" }],
      }),
      { seeds: [1] },
    );
    expect(r.ok).toBe(false);
    expect(failing(r)).toEqual(["starter fails the hidden tests", "alternative broken gets full marks on every seed", "mutant identical is rejected by the hidden tests"]);
  });

  it("flags a mutant without a hint, a hint of no mutant and a hint that looks like code", async () => {
    const r = await checkExercise(
      exercise({
        mutants: [
          { name: "adds", path: "m.ts", source: scaleSolution.replace("tf.mul(x, tf.reshape(s, [-1, 1]))", "tf.add(x, tf.reshape(s, [-1, 1]))") },
          { name: "hintless", path: "h.ts", source: scaleSolution.replace("tf.mul(x, tf.reshape(s, [-1, 1]))", "tf.sub(x, tf.reshape(s, [-1, 1]))") },
        ],
        hints: {
          adds: { en: "Multiply instead: return tf.mul(x, s);", "zh-CN": "你把缩放因子加到了每一行上，而不是乘上去。" },
          gone: { en: "A hint of a mutant that is not there.", "zh-CN": "一个不存在的变体的提示。" },
        },
      }),
      { seeds: [1] },
    );
    const item = r.items.find((i) => i.name === "mutants/hints.json gives every mutant a hint in both languages, in words");
    expect(item?.ok).toBe(false);
    expect(item?.detail).toBe("missing: hintless; no such mutant: gone; looks like code: adds (en)");
    expect(failing(r)).toEqual(["mutants/hints.json gives every mutant a hint in both languages, in words"]);
  });

  it("flags a test case name without a translation, and a translation of no case", async () => {
    const { "hidden total": _dropped, ...rest } = scaleTestNames["zh-CN"];
    const r = await checkExercise(exercise({ testNames: { "zh-CN": { ...rest, "renamed case": "改名的用例" } } }), { seeds: [1] });
    const item = r.items.find((i) => i.name === "tests.zh-CN.json translates every test case name");
    expect(item?.ok).toBe(false);
    expect(item?.detail).toBe('missing: "hidden total"; no such case: "renamed case"');
    expect(failing(r)).toEqual(["tests.zh-CN.json translates every test case name"]);
  });

  it("flags a custom check whose message exists only in English", async () => {
    const tests = defineTests<{ x: number }>({
      run: (i) => call("total", i.x),
      expected: () => 0,
      cases: [
        randomCase("pub", () => ({ x: 1 }), { visibility: "public" }),
        randomCase("hid", () => ({ x: 1 }), { check: (ctx) => ({ pass: ctx.outputs[0]?.t === "number", message: "total must return a number." }) }),
      ],
    });
    const r = await checkExercise(exercise({ tests, testNames: { "zh-CN": { pub: "公开", hid: "隐藏" } } }), { seeds: [1] });
    const item = r.items.find((i) => i.name.startsWith("feedback comes in every language"));
    expect(item?.ok).toBe(false);
    expect(item?.detail).toContain('English only: "total must return a number."');
  });

  it("flags inputs outside the declared domain, a case without a domain, and a plan that changes with the same seed", async () => {
    let draws = 0;
    const tests = defineTests<{ x: tf.Tensor; s: tf.Tensor }>({
      run: (i) => call("scaleRows", i.x, i.s),
      expected: (i) => tf.mul(i.x, tf.reshape(i.s, [-1, 1])),
      domain: (i) => nonEmpty({ x: i.x }),
      cases: [
        // Sometimes draws zero rows: outside the domain.
        randomCase("public random", (rng) => {
          const n = rng.int(0, 3);
          return { x: rng.normal([n, 2]), s: rng.normal([n]) };
        }, { visibility: "public" }),
        // Different inputs on every draw, whatever the seed.
        randomCase("hidden random", () => ({ x: tf.fill([1, 2], ++draws), s: tf.ones([1]) }), { domain: () => true }),
      ],
    });
    const undeclared = defineTests<{ x: tf.Tensor }>({ run: (i) => call("total", i.x), expected: () => 0, cases: [randomCase("no domain", () => ({ x: tf.ones([1]) }))] });
    const names = { "zh-CN": { "public random": "公开", "hidden random": "隐藏" } };
    const r = await checkExercise(exercise({ tests, testNames: names }), { seeds: [1, 2, 3, 4, 5, 6] });
    const item = (name: string) => r.items.find((i) => i.name.startsWith(name));
    expect(item("every generated input lies inside the domain (6 seeds)")).toMatchObject({ ok: false, section: "domain" });
    expect(item("every generated input lies inside the domain")?.detail).toMatch(/^"public random" seed \d+: x has an empty dimension \(shape \[0, 2\]\)/);
    expect(item("the same seed gives the same inputs")).toMatchObject({ ok: false, detail: "seeds 1, 2, 3, 4, 5, 6 planned different calls" });
    expect(item("every case declares its input domain")?.ok).toBe(true);
    const r2 = await checkExercise(exercise({ tests: undeclared, testNames: { "zh-CN": { "no domain": "无" } } }), { seeds: [1] });
    expect(r2.items.find((i) => i.name === "every case declares its input domain")).toMatchObject({ ok: false, detail: 'no domain for: "no domain" (add domain to defineTests)' });
  });

  it("flags a statement that is missing or not in Chinese", async () => {
    const r = await checkExercise(exercise({ statements: { en: statementEn, "zh-CN": statementEn } }), { seeds: [1] });
    expect(failing(r)).toContain("statement.zh-CN.md is written in Chinese");
  });
});

describe("loadExerciseFolder", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  async function folder(id: string, files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), "exercise-"));
    dirs.push(root);
    const dir = join(root, id);
    await mkdir(dir);
    for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
    return dir;
  }

  const manifest = (id: string, extra: object = {}): string =>
    JSON.stringify({ id, lesson: 1, title: { en: "T", "zh-CN": "题" }, exports: ["f"], bans: [], ...extra });

  it("names a missing file", async () => {
    const dir = await folder("demo", { "exercise.json": manifest("demo") });
    await expect(loadExerciseFolder(dir)).rejects.toThrow("demo: missing statement.en.md");
  });

  it("rejects an invalid manifest with the field at fault", async () => {
    const dir = await folder("demo", { "exercise.json": manifest("demo", { bans: ["not a path"] }) });
    await expect(loadExerciseFolder(dir)).rejects.toThrow(/exercise\.json: bans\.0/);
  });

  it("reads tests.zh-CN.json, and names a malformed one", async () => {
    const files = {
      "exercise.json": manifest("demo"),
      "statement.en.md": "s",
      "statement.zh-CN.md": "题",
      "starter.ts": "",
      "solution.ts": "",
      "tests.ts": `import { defineTests, call, randomCase } from ${JSON.stringify(new URL("./index.ts", import.meta.url).href)};\nexport default defineTests({ run: () => call("f"), expected: () => 1, cases: [randomCase("one", () => ({}))] });\n`,
    };
    const ok = await loadExerciseFolder(await folder("demo", { ...files, "tests.zh-CN.json": '{ "one": "一" }' }));
    expect(ok.testNames).toEqual({ "zh-CN": { one: "一" } });
    expect((await loadExerciseFolder(await folder("demo", files))).testNames).toEqual({ "zh-CN": {} });
    await expect(loadExerciseFolder(await folder("demo", { ...files, "tests.zh-CN.json": '{ "one": "" }' }))).rejects.toThrow(/demo: tests\.zh-CN\.json: one/);
    await expect(loadExerciseFolder(await folder("demo", { ...files, "tests.zh-CN.json": "{ one: 1 " }))).rejects.toThrow(/demo: tests\.zh-CN\.json: /);
  });

  it("rejects an id that does not match the folder", async () => {
    const dir = await folder("demo", { "exercise.json": manifest("other") });
    await expect(loadExerciseFolder(dir)).rejects.toThrow(/does not match the folder name/);
  });
});
