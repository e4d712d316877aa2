/** An exercise folder on disk (server side): manifest, statements, sources, tests, mutants. */
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { isTestSuite, type TestSuite } from "./define-tests.ts";
import { ExerciseManifestSchema, type ExerciseManifest } from "./manifest.ts";
import { useCpuBackend } from "./backend.ts";
import { TEST_NAMES_FILE, TestNameTranslationsSchema, type TestNames } from "./test-names.ts";
import { readMutantHints, type MutantHints } from "./hints.ts";

export interface SourceFile {
  name: string;
  path: string;
  source: string;
}

export interface Exercise {
  dir: string;
  manifest: ExerciseManifest;
  statements: { en: string; "zh-CN": string };
  starter: string;
  solution: string;
  solutionPath: string;
  tests: TestSuite;
  mutants: SourceFile[];
  /** Other correct solutions (alternatives/*.ts): they must get full marks too. */
  alternatives: SourceFile[];
  /** Case names translated (tests.zh-CN.json); check-exercise reports cases without one. */
  testNames: TestNames;
  /** Each mutant's hint (mutants/hints.json); check-exercise reports mutants without one. */
  hints: MutantHints;
}

export class ExerciseFormatError extends Error {
  constructor(dir: string, problem: string) {
    super(`${basename(dir)}: ${problem}`);
    this.name = "ExerciseFormatError";
  }
}

async function readRequired(dir: string, file: string): Promise<string> {
  const p = join(dir, file);
  if (!existsSync(p)) throw new ExerciseFormatError(dir, `missing ${file}`);
  return readFile(p, "utf8");
}

/**
 * An exercise folder's translated case names (tests.zh-CN.json) without loading its tests: absent
 * is empty (check-exercise reports the missing names); malformed is an ExerciseFormatError.
 */
export async function readTestNames(dir: string): Promise<TestNames> {
  const file = TEST_NAMES_FILE["zh-CN"];
  const p = join(dir, file);
  if (!existsSync(p)) return { "zh-CN": {} };
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(p, "utf8"));
  } catch (e) {
    throw new ExerciseFormatError(dir, `${file}: ${(e as Error).message}`);
  }
  const parsed = TestNameTranslationsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExerciseFormatError(dir, `${file}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`);
  }
  return { "zh-CN": parsed.data };
}

async function readFolder(dir: string, sub: string): Promise<SourceFile[]> {
  const d = join(dir, sub);
  if (!existsSync(d)) return [];
  const files = (await readdir(d)).filter((f) => f.endsWith(".ts")).sort();
  return Promise.all(files.map(async (f) => ({ name: f.replace(/\.ts$/, ""), path: join(d, f), source: await readFile(join(d, f), "utf8") })));
}

export async function loadExerciseFolder(dir: string): Promise<Exercise> {
  const raw = JSON.parse(await readRequired(dir, "exercise.json")) as unknown;
  const parsed = ExerciseManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExerciseFormatError(dir, `exercise.json: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`);
  }
  const manifest = parsed.data;
  if (manifest.id !== basename(dir)) throw new ExerciseFormatError(dir, `id "${manifest.id}" does not match the folder name`);
  const [en, zh, starter, solution] = await Promise.all([
    readRequired(dir, "statement.en.md"),
    readRequired(dir, "statement.zh-CN.md"),
    readRequired(dir, "starter.ts"),
    readRequired(dir, "solution.ts"),
  ]);
  const testsPath = join(dir, "tests.ts");
  if (!existsSync(testsPath)) throw new ExerciseFormatError(dir, "missing tests.ts");
  // Test modules may touch tfjs at import time: make sure grading's backend is the active one.
  useCpuBackend();
  const mod = (await import(pathToFileURL(testsPath).href)) as { default?: unknown };
  if (!isTestSuite(mod.default)) throw new ExerciseFormatError(dir, "tests.ts must default-export defineTests(...)");
  return {
    dir,
    manifest,
    statements: { en, "zh-CN": zh },
    starter,
    solution,
    solutionPath: join(dir, "solution.ts"),
    tests: mod.default,
    mutants: await readFolder(dir, "mutants"),
    alternatives: await readFolder(dir, "alternatives"),
    testNames: await readTestNames(dir),
    hints: await readMutantHints(dir).catch((e: unknown) => {
      throw new ExerciseFormatError(dir, (e as Error).message);
    }),
  };
}

/** Folder names under `root` that hold an exercise.json. */
export async function listExerciseDirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(join(root, e.name, "exercise.json"))).map((e) => e.name).sort();
}
