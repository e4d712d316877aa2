/**
 * `pnpm exercise <command>`: exercises as versions in the database.
 *   sync [--root DIR]                      publish every changed folder of exercises/ as a new version
 *   export <id> [--version N] <dir>        write a stored version (the newest by default) as a folder
 * `new` and `check` (authoring a folder) are exercise-kit's CLI, which this command hands them to.
 * Progress goes to stderr, the result table to stdout; exit 1 when anything failed, 2 on usage errors.
 */
import { resolve } from "node:path";
import { parseArgs, styleText } from "node:util";
import { z } from "zod";
import type { Db } from "@course/db";
import { loadCliEnv } from "../lib/config.ts";

const USAGE = `usage: pnpm exercise sync [--root DIR]
       pnpm exercise export <id> [--version N] <dir>`;

class UsageError extends Error {}

const env = loadCliEnv();
const useColor = env.forceColor || (!env.noColor && process.stdout.isTTY === true);
const paint = (format: Parameters<typeof styleText>[0], text: string) => (useColor ? styleText(format, text) : text);
const progress = (text: string) => process.stderr.write(`${paint("dim", text)}\n`);

const VersionArg = z.coerce.number().int().positive("--version must be a positive whole number");

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const { createDb, parseDbConfig } = await import("@course/db");
  const db = createDb(parseDbConfig({ url: env.databaseUrl }));
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

async function sync(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { root: { type: "string" } }, allowPositionals: true, strict: true });
  if (positionals.length > 0) throw new UsageError(`sync takes no arguments (got ${positionals.join(" ")})`);
  const { EXERCISES_ROOT } = await import("@course/exercises");
  const root = values.root === undefined ? EXERCISES_ROOT : resolve(env.cwd, values.root);
  const [{ SandboxPool }, { CourseSandbox }, { syncCatalogue }] = await Promise.all([import("../lib/sandbox/pool.ts"), import("../lib/course/runner.ts"), import("../lib/course/catalogue.ts")]);
  const pool = await SandboxPool.start({ ...env.sandbox, poolSize: 0, fullPoolSize: 0, authorPoolSize: 1 }, (level, msg) => level !== "info" && progress(msg));
  try {
    const results = await withDb((db) => syncCatalogue(db, new CourseSandbox(pool, { wallMs: 30_000 }), root, (id, i, n) => progress(`[${i + 1}/${n}] ${id}`)));
    const width = Math.max(8, ...results.map((r) => r.id.length));
    for (const r of results) {
      const what = r.status === "failed" ? paint("red", `FAILED  ${r.error}`) : r.status === "published" ? paint("green", `published version ${r.version}`) : `unchanged (version ${r.version})`;
      process.stdout.write(`${r.id.padEnd(width)}  ${what}\n`);
    }
    const failed = results.filter((r) => r.status === "failed").length;
    const published = results.filter((r) => r.status === "published").length;
    process.stdout.write(`${results.length} exercises: ${published} published, ${results.length - published - failed} unchanged, ${failed} failed\n`);
    return failed > 0 ? 1 : 0;
  } finally {
    await pool.close();
  }
}

async function exportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: { version: { type: "string" } }, allowPositionals: true, strict: true });
  if (positionals.length !== 2) throw new UsageError("export needs an exercise id and a target folder");
  const [id, dirArg] = positionals as [string, string];
  let version: number | undefined;
  if (values.version !== undefined) {
    const parsed = VersionArg.safeParse(values.version);
    if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad --version");
    version = parsed.data;
  }
  const dir = resolve(env.cwd, dirArg);
  const { exportVersion } = await import("../lib/course/catalogue.ts");
  const r = await withDb((db) => exportVersion(db, id, version, dir));
  process.stdout.write(`${id}: version ${r.version} written to ${dir} (${r.files} files)\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === "sync") return await sync(rest);
    if (command === "export") return await exportCommand(rest);
    throw new UsageError(command === undefined ? "no command given" : `unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`exercise: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`exercise: ${paint("red", (e as Error).message)}\n`);
    return 1;
  }
}

const argv = process.argv.slice(2);
if (argv[0] === "sync" || argv[0] === "export") process.exitCode = await main(argv);
// new, check, --help and usage errors: exercise-kit's authoring CLI reads the same arguments.
else await import("@course/exercise-kit/cli");
