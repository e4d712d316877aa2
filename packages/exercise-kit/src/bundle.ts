/**
 * An exercise version as data: every file of its folder, as UTF-8 text, by relative path. This
 * is what the database stores (with its content hash), what the grader loads by version, and
 * what `pnpm exercise export` writes back to a folder byte for byte.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { z } from "zod";
import { ExerciseManifestSchema, type ExerciseManifest } from "./manifest.ts";
import { HINTS_FILE, MutantHintsSchema, type MutantHints } from "./hints.ts";
import { TEST_NAMES_FILE, TestNameTranslationsSchema, type TestNames } from "./test-names.ts";

export const BUNDLE_LIMITS = Object.freeze({
  maxFiles: 200,
  /** One file (a statement, a test module): generous for text, far below a runaway paste. */
  maxFileBytes: 512 * 1024,
  maxTotalBytes: 4 * 1024 * 1024,
});

/** A relative POSIX path inside the exercise folder: no "..", no absolute or hidden parts. */
export const BundlePathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/, "a relative path of letters, digits, '.', '_' and '-' (no '..', no hidden files)");

const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");

export const ExerciseBundleSchema = z
  .object({ files: z.record(BundlePathSchema, z.string()) })
  .strict()
  .superRefine((b, ctx) => {
    const entries = Object.entries(b.files);
    if (entries.length > BUNDLE_LIMITS.maxFiles) ctx.addIssue({ code: "custom", message: `an exercise has at most ${BUNDLE_LIMITS.maxFiles} files (this one has ${entries.length})` });
    let total = 0;
    for (const [path, text] of entries) {
      const n = utf8Bytes(text);
      total += n;
      if (n > BUNDLE_LIMITS.maxFileBytes) {
        ctx.addIssue({ code: "custom", path: ["files", path], message: `${path} is ${Math.round(n / 1024)} KB; a file may be at most ${BUNDLE_LIMITS.maxFileBytes / 1024} KB` });
      }
    }
    if (total > BUNDLE_LIMITS.maxTotalBytes) ctx.addIssue({ code: "custom", message: `the exercise's files add up to ${Math.round(total / 1024)} KB; at most ${BUNDLE_LIMITS.maxTotalBytes / 1024} KB` });
  });
export type ExerciseBundle = z.infer<typeof ExerciseBundleSchema>;

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleError";
  }
}

/** The first problem of a failed parse, as one sentence naming the file. */
function firstIssue(e: z.ZodError, prefix: string): string {
  const issue = e.issues[0];
  const where = issue?.path.filter((p) => p !== "files").join(".") ?? "";
  return `${prefix}${where ? `${where}: ` : ""}${issue?.message ?? "invalid"}`;
}

export function parseBundle(raw: unknown): ExerciseBundle {
  const parsed = ExerciseBundleSchema.safeParse(raw);
  if (!parsed.success) throw new BundleError(firstIssue(parsed.error, ""));
  return parsed.data;
}

/** sha256 over every file (path and bytes, in path order): the version's identity. */
export function bundleHash(bundle: ExerciseBundle): string {
  const h = createHash("sha256");
  for (const path of Object.keys(bundle.files).sort()) {
    h.update(path).update("\0").update(bundle.files[path]!, "utf8").update("\0");
  }
  return h.digest("hex");
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map(async (e) => {
        const path = join(dir, e.name);
        if (e.isDirectory()) return filesUnder(path);
        return e.isFile() ? [path] : [];
      }),
  );
  return nested.flat();
}

/** Reads an exercise folder. Every file must be UTF-8 text and within the bundle's limits. */
export async function readBundleFolder(dir: string): Promise<ExerciseBundle> {
  if (!existsSync(dir) || !(await stat(dir)).isDirectory()) throw new BundleError(`${dir} is not a folder`);
  const files: Record<string, string> = {};
  for (const file of await filesUnder(dir)) {
    const path = relative(dir, file).split(sep).join("/");
    const bytes = await readFile(file);
    const text = bytes.toString("utf8");
    if (!Buffer.from(text, "utf8").equals(bytes)) throw new BundleError(`${path} is not UTF-8 text`);
    files[path] = text;
  }
  return parseBundle({ files });
}

/** Writes a bundle as a folder (created; it must not hold files already). */
export async function writeBundleFolder(bundle: ExerciseBundle, dir: string): Promise<void> {
  if (existsSync(dir) && (await readdir(dir)).length > 0) throw new BundleError(`${dir} is not empty; export into a new folder`);
  for (const [path, text] of Object.entries(bundle.files)) {
    const target = join(dir, ...path.split("/"));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text, "utf8");
  }
}

/** A mutant or alternative solution: its file name without .ts, and its source. */
export interface BundleSource {
  name: string;
  source: string;
}

/** The parts of an exercise version that are data (no course code is run to read them). */
export interface ExerciseParts {
  manifest: ExerciseManifest;
  statements: { en: string; "zh-CN": string };
  starter: string;
  solution: string;
  testsSource: string;
  testNames: TestNames;
  alternatives: BundleSource[];
  mutants: BundleSource[];
  /** Each mutant's hint (mutants/hints.json; empty when the file is absent). */
  hints: MutantHints;
}

function required(bundle: ExerciseBundle, path: string): string {
  const text = bundle.files[path];
  if (text === undefined) throw new BundleError(`missing ${path}`);
  return text;
}

function sourcesIn(bundle: ExerciseBundle, folder: string): BundleSource[] {
  return Object.keys(bundle.files)
    .filter((p) => p.startsWith(`${folder}/`) && p.endsWith(".ts") && !p.slice(folder.length + 1).includes("/"))
    .sort()
    .map((p) => ({ name: p.slice(folder.length + 1, -3), source: bundle.files[p]! }));
}

function parseJsonFile<T>(bundle: ExerciseBundle, path: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(required(bundle, path));
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError(`${path}: ${(e as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new BundleError(firstIssue(parsed.error, `${path}: `));
  return parsed.data;
}

/** Reads the data parts of a bundle; a missing or malformed part is a BundleError naming its file. */
export function bundleParts(bundle: ExerciseBundle): ExerciseParts {
  const manifest = parseJsonFile(bundle, "exercise.json", ExerciseManifestSchema);
  const namesFile = TEST_NAMES_FILE["zh-CN"];
  const testNames: TestNames = { "zh-CN": bundle.files[namesFile] === undefined ? {} : parseJsonFile(bundle, namesFile, TestNameTranslationsSchema) };
  return {
    manifest,
    statements: { en: required(bundle, "statement.en.md"), "zh-CN": required(bundle, "statement.zh-CN.md") },
    starter: required(bundle, "starter.ts"),
    solution: required(bundle, "solution.ts"),
    testsSource: required(bundle, "tests.ts"),
    testNames,
    alternatives: sourcesIn(bundle, "alternatives"),
    mutants: sourcesIn(bundle, "mutants"),
    hints: bundle.files[HINTS_FILE] === undefined ? {} : parseJsonFile(bundle, HINTS_FILE, MutantHintsSchema),
  };
}
