/**
 * `pnpm grade <exercise-id> <path/to/submission.ts> [--json] [--seed N]`
 * Grades a file exactly as the service does (same sandbox, hidden tests, fresh seed unless
 * --seed). With --json prints ONE JSON document on stdout and nothing else. Exit 0 whenever a
 * grade was produced; 2 for usage errors, an unknown exercise or an unreadable file.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadCliEnv } from "../lib/config.ts";
import { parseArgs, type CliArgs } from "./args.ts";
import { renderTable } from "./table.ts";

async function main(): Promise<number> {
  let args: CliArgs;
  let env: ReturnType<typeof loadCliEnv>;
  try {
    env = loadCliEnv();
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`grade: ${(e as Error).message}\n`);
    return 2;
  }
  // Heavy modules (tfjs, the exercises) load only once the arguments are known to be good.
  const { EXERCISES_ROOT, exerciseIds, isExerciseId } = await import("@course/exercises");
  if (!isExerciseId(args.exerciseId)) {
    process.stderr.write(`grade: unknown exercise id "${args.exerciseId}"; known: ${exerciseIds.join(", ")}\n`);
    return 2;
  }
  const path = resolve(env.cwd, args.file);
  let source: string;
  try {
    source = await readFile(path, "utf8");
  } catch (e) {
    process.stderr.write(`grade: cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  const [{ cliDocument, gradeSubmission }, { diagnoseSubmission }, { SandboxPool }, { CourseSandbox }, { folderVersion }] = await Promise.all([
    import("../lib/grading.ts"),
    import("../lib/diagnosis.ts"),
    import("../lib/sandbox/pool.ts"),
    import("../lib/course/runner.ts"),
    import("../lib/course/versions.ts"),
  ]);
  // The built-in exercise as it is on disk now: its course code runs in the author sandbox.
  const version = await folderVersion(EXERCISES_ROOT, args.exerciseId);
  const pool = await SandboxPool.start({ ...env.sandbox, poolSize: 1, fullPoolSize: 0 }, (level, msg) => {
    if (level !== "info") process.stderr.write(`grade: ${msg}\n`);
  });
  try {
    const engine = { pool, course: new CourseSandbox(pool, { wallMs: 10_000 }) };
    const outcome = await gradeSubmission(engine, version, source, args.seed === undefined ? {} : { seed: args.seed });
    const { report } = outcome;
    const doc = cliDocument(report, await diagnoseSubmission(pool, version, outcome));
    if (args.json) process.stdout.write(JSON.stringify(doc) + "\n");
    else {
      const color = env.forceColor || (!env.noColor && process.stdout.isTTY === true);
      process.stdout.write(renderTable(doc, { color, message: report.message }));
    }
    return 0;
  } finally {
    await pool.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`grade: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
