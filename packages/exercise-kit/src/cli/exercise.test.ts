// The authoring CLI as an author uses it: spawned, with its exit code, table and messages.
import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentWith } from "./config.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, "exercise.ts");
const TSX = createRequire(import.meta.url).resolve("tsx/cli");
const EXERCISES = resolve(HERE, "../../../../exercises");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [TSX, CLI, ...args], { env: environmentWith({ NO_COLOR: "1", FORCE_COLOR: "0" }), maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr });
    });
  });
}

/** A small complete exercise: affine(x: number[]) = x.map(v => 2v + 1). */
const AFFINE = {
  "exercise.json": JSON.stringify({ id: "affine-demo", lesson: 1, title: { en: "Affine map", "zh-CN": "仿射映射" }, exports: ["affine"], bans: [] }),
  "statement.en.md": "Write `affine(x: number[]): number[]` that maps every element v of the array x to 2·v + 1, keeping the order of the elements. ".repeat(3),
  "statement.zh-CN.md": "实现 `affine(x: number[]): number[]`：把数组 x 中的每个元素 v 映射为 2·v + 1，元素顺序不变。".repeat(3),
  "starter.ts": "export function affine(x: number[]): number[] {\n  return x;\n}\n",
  "solution.ts": "export function affine(x: number[]): number[] {\n  return x.map((v) => 2 * v + 1);\n}\n",
  "alternatives/loop.ts": "export function affine(x: number[]): number[] {\n  const out: number[] = [];\n  for (const v of x) out.push(v + v + 1);\n  return out;\n}\n",
  "mutants/no-offset.ts": "export function affine(x: number[]): number[] {\n  return x.map((v) => 2 * v);\n}\n",
  "mutants/hints.json": JSON.stringify({ "no-offset": { en: "The offset is missing: every output should be shifted by one after scaling.", "zh-CN": "缺少偏移：每个输出在缩放之后还应该再加上一。" } }),
  "tests.ts": (length: string) => `import { call, defineTests, edgeCase, randomCase, requires } from "@course/exercise-kit";
interface Inputs { x: number[] }
export default defineTests<Inputs>({
  run: (i) => call("affine", i.x),
  expected: (i) => i.x.map((v) => 2 * v + 1),
  domain: (i) => requires(i.x.length >= 1, "x must not be empty"),
  cases: [
    randomCase("random values", (rng) => ({ x: Array.from({ length: ${length} }, () => rng.int(-50, 50)) }), { visibility: "public" }),
    edgeCase("zeros", () => ({ x: [0, 0, 0] })),
  ],
});
`,
  "tests.zh-CN.json": JSON.stringify({ "random values": "随机数值", zeros: "全零" }),
};

let root: string;

async function writeExercise(id: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, id, name)), { recursive: true });
    await writeFile(join(root, id, name), text);
  }
}

const affine = (length: string, extra: Record<string, string> = {}): Record<string, string> => ({ ...AFFINE, "tests.ts": AFFINE["tests.ts"](length), ...extra });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "exercise-cli-"));
  // The exercises' own dependencies, so tests.ts files here import @course/exercise-kit as in exercises/.
  await symlink(join(EXERCISES, "node_modules"), join(root, "node_modules"), "dir");
  await writeFile(join(root, "package.json"), JSON.stringify({ type: "module" }));
  await writeExercise("affine-demo", affine("1 + rng.int(0, 6)"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("pnpm exercise: usage errors exit 2 with a message", () => {
  it.each([
    [[], /missing command/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["check"], /check needs an exercise id or --all/],
    [["check", "--all", "affine-demo"], /ids or --all, not both/],
    [["check", "affine-demo", "--seeds", "0"], /--seeds takes at least 1/],
    [["check", "affine-demo", "--seeds", "two"], /--seeds takes a non-negative integer/],
    [["check", "affine-demo", "--bogus"], /Unknown option '--bogus'/],
    [["check", "no-such-exercise"], /unknown exercise "no-such-exercise"/],
    [["new", "Not_An_Id"], /"Not_An_Id" is not a valid exercise id/],
    [["new", "affine-demo"], /exercise "affine-demo" already exists/],
    [["new", "fresh-one", "--from", "no-such-exercise"], /--from: no exercise "no-such-exercise"/],
  ])("%j", async (args, message) => {
    const r = await cli(...args, "--root", root);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain("usage:");
    expect(r.code).toBe(2);
  });
});

describe("pnpm exercise new", () => {
  it("scaffolds every part, and check explains each placeholder and fails", async () => {
    const made = await cli("new", "relu-demo", "--root", root);
    expect(made.code).toBe(0);
    for (const f of ["exercise.json", "statement.en.md", "statement.zh-CN.md", "starter.ts", "solution.ts", "tests.ts", "tests.zh-CN.json", "alternatives/other-style.ts", "mutants/typical-mistake.ts", "mutants/hints.json"]) {
      expect(existsSync(join(root, "relu-demo", f)), f).toBe(true);
    }
    expect(JSON.parse(await readFile(join(root, "relu-demo", "exercise.json"), "utf8"))).toMatchObject({ id: "relu-demo", exports: ["reluDemo"] });

    const r = await cli("check", "relu-demo", "--seeds", "1", "--skip-strength", "--root", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/relu-demo\s+FAIL/);
    expect(r.stdout).toContain("statement.en.md: write the statement in English");
    expect(r.stdout).toContain("tests.ts: write the test cases");
    expect(r.stdout).toContain("mutants/hints.json: write a hint");
    // The scaffold itself is consistent: its solution passes and its starter fails.
    expect(r.stdout).not.toMatch(/FAIL \[reference\]/);
    expect(r.stdout).not.toMatch(/FAIL \[starter\]/);
    expect(r.stderr).not.toMatch(/node backend/);
  });

  it("copies an existing exercise with --from, under the new id", async () => {
    const r = await cli("new", "affine-copy", "--from", "affine-demo", "--root", root);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(join(root, "affine-copy", "exercise.json"), "utf8"))).toMatchObject({ id: "affine-copy", title: { en: "TODO(author): Affine map (copy)" } });
    expect(await readFile(join(root, "affine-copy", "solution.ts"), "utf8")).toBe(AFFINE["solution.ts"]);
  });
});

describe("pnpm exercise check", () => {
  it("passes a complete exercise, with a result table and its test strength", async () => {
    const r = await cli("check", "affine-demo", "--seeds", "3", "--root", root);
    expect(r.stderr).toContain("[1/1] affine-demo ok");
    expect(r.stdout).toMatch(/^exercise\s+placeholders\s+statements\s+tests\s+starter\s+reference\s+alternatives\s+mutants\s+same seed\s+domain\s+feedback\s+strength/m);
    expect(r.stdout).toMatch(/affine-demo(\s+ok){10}\s+\d+%\s+\S+\s+PASS/);
    expect(r.stdout).toContain("1/1 exercises pass (3 seeds from 1, with test strength)");
    expect(r.code).toBe(0);
  });

  it("reports an input outside the declared domain, with the seed", async () => {
    await writeExercise("affine-empty", affine("rng.int(0, 3)", { "exercise.json": AFFINE["exercise.json"].replace("affine-demo", "affine-empty") }));
    const r = await cli("check", "affine-empty", "--seeds", "8", "--skip-strength", "--root", root);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/affine-empty.*FAIL/);
    expect(r.stdout).toMatch(/FAIL \[domain\] every generated input lies inside the domain \(8 seeds\)\n {4}"random values" seed \d+: x must not be empty/);
  });

  it("lists surviving automatic mutants and honours recorded equivalents", async () => {
    // Weak hidden tests: the only hidden input is [1, 1], where `2 * v` and `2 / v` agree.
    const weak = AFFINE["tests.ts"]("1").replace('edgeCase("zeros", () => ({ x: [0, 0, 0] }))', 'edgeCase("zeros", () => ({ x: [1, 1] }))');
    await writeExercise("affine-weak", { ...affine("1"), "tests.ts": weak, "exercise.json": AFFINE["exercise.json"].replace("affine-demo", "affine-weak") });
    const before = await cli("check", "affine-weak", "--seeds", "1", "--root", root);
    expect(before.stdout).toContain("surviving automatic mutants");
    const survivor = /line \d+: (ArithmeticOperator: 2 \* v → 2 \/ v)/.exec(before.stdout)?.[1];
    expect(survivor).toBeDefined();
    const pct = (out: string): number => Number(/affine-weak(?:\s+\S+){10}\s+(\d+)%/.exec(out)?.[1]);

    await writeFile(join(root, "affine-weak", "equivalent-mutants.json"), JSON.stringify({ [survivor!]: "pretend: 2 / v equals 2 * v on the inputs that matter", "ArithmeticOperator: gone → away": "an entry for a mutant that does not exist" }));
    const after = await cli("check", "affine-weak", "--seeds", "1", "--root", root);
    expect(after.stdout).not.toContain(`: ${survivor}`);
    expect(pct(after.stdout)).toBeGreaterThan(pct(before.stdout));
    expect(after.stdout).toContain('equivalent-mutants.json: no automatic mutant "ArithmeticOperator: gone → away" any more: remove the entry');
    expect(after.code).toBe(1);
  });
});
