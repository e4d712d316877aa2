/**
 * The authoring CLI, `pnpm exercise <command>` from the repository root:
 *   new <id> [--from <existing-id>]     scaffold an exercise folder
 *   check <id...> | --all [--seeds N]   check exercises end to end (exit 1 on any failure)
 * Usage errors exit 2. Progress goes to stderr, the result table to stdout.
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, styleText } from "node:util";
import { z } from "zod";
import { useCpuBackend } from "../backend.ts";
import { CHECK_SECTIONS, checkExercise, type CheckReport } from "../check-exercise.ts";
import { checkSeeds, DEFAULT_SEED_COUNT } from "../check/seeds.ts";
import { workerRunner } from "../check/worker-runner.ts";
import { listExerciseDirs, loadExerciseFolder } from "../exercise.ts";
import { loadCliEnv } from "./config.ts";
import { ScaffoldError, scaffoldExercise } from "./scaffold.ts";
import { readRecordedScores, recordScores, scoreDrop } from "./scores.ts";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");

const USAGE = `usage:
  pnpm exercise new <id> [--from <existing-id>]
  pnpm exercise check <id...> | --all [--seeds N] [--first-seed S] [--skip-strength] [--record]
  pnpm exercise sync [--root DIR]                 publish every changed folder as a new version
  pnpm exercise export <id> [--version N] <dir>   write a stored version back as a folder

  --seeds N         grade the reference, alternatives and mutants on N seeds (default ${DEFAULT_SEED_COUNT})
  --first-seed S    the seeds are S, S+1, ... (default 1)
  --skip-strength   do not mutate the reference automatically
  --record          write the test-strength scores to docs/test-strength.{json,md}
  --root DIR        the exercises folder (default: exercises/ of this repository)`;

class UsageError extends Error {}

const STRENGTH_TIMEOUT_MS = 3000;

const uint = (flag: string) =>
  z
    .string()
    .regex(/^\d+$/, `${flag} takes a non-negative integer`)
    .transform(Number)
    .pipe(z.number().int().max(2 ** 32 - 1, `${flag} is at most 2^32 - 1`));

const CheckArgsSchema = z.object({
  seeds: uint("--seeds").pipe(z.number().min(1, "--seeds takes at least 1")).default(DEFAULT_SEED_COUNT),
  "first-seed": uint("--first-seed").default(1),
});

type Paint = (format: Parameters<typeof styleText>[0], text: string) => string;

const ENV = loadCliEnv();

function painter(stream: NodeJS.WriteStream): Paint {
  return ENV.color(stream) ? (format, text) => styleText(format, text) : (_format, text) => text;
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        all: { type: "boolean" },
        seeds: { type: "string" },
        "first-seed": { type: "string" },
        "skip-strength": { type: "boolean" },
        record: { type: "boolean" },
        from: { type: "string" },
        root: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

async function runNew(root: string, positionals: string[], from: string | undefined): Promise<number> {
  if (positionals.length !== 1) throw new UsageError("new takes exactly one exercise id");
  const id = positionals[0]!;
  try {
    const files = await scaffoldExercise(root, id, from);
    const paint = painter(process.stdout);
    process.stdout.write(`${paint("green", "created")} ${join(root, id)}\n${files.map((f) => `  ${f}`).join("\n")}\n`);
    process.stdout.write(`next: fill in every ${paint("bold", "TODO(author)")}, then run ${paint("bold", `pnpm exercise check ${id}`)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ScaffoldError) throw new UsageError(e.message);
    throw e;
  }
}

function progressLine(stderr: NodeJS.WriteStream): (text: string) => void {
  if (stderr.isTTY !== true) return () => {};
  return (text) => stderr.write(`\r\x1b[2K${text.slice(0, (stderr.columns || 80) - 1)}`);
}

function renderTable(reports: CheckReport[], paint: Paint): string {
  const cols = CHECK_SECTIONS.filter((s) => reports.some((r) => r.items.some((i) => i.section === s)));
  const cell = (r: CheckReport, s: (typeof CHECK_SECTIONS)[number]): string => {
    const items = r.items.filter((i) => i.section === s);
    if (items.length === 0) return "-";
    if (s === "strength" && r.strength) return `${(r.strength.score * 100).toFixed(0)}%${items.every((i) => i.ok) ? "" : "!"}`;
    return items.every((i) => i.ok) ? "ok" : "FAIL";
  };
  const header = ["exercise", ...cols, "time", "result"];
  const rows = reports.map((r) => [r.id, ...cols.map((c) => cell(r, c)), `${(r.durationMs / 1000).toFixed(1)}s`, r.ok ? "PASS" : "FAIL"]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (row: string[]): string =>
    row
      .map((c, i) => {
        const padded = c.padEnd(widths[i]!);
        if (c === "FAIL" || c.endsWith("!")) return paint("red", padded);
        if (c === "PASS") return paint("green", padded);
        return padded;
      })
      .join("  ")
      .trimEnd();
  return [paint("bold", line(header)), ...rows.map(line)].join("\n") + "\n";
}

function renderDetails(reports: CheckReport[], paint: Paint): string {
  const out: string[] = [];
  for (const r of reports) {
    const bad = r.items.filter((i) => !i.ok);
    const survivors = r.strength?.survivors ?? [];
    if (bad.length === 0 && survivors.length === 0) continue;
    out.push(paint("bold", r.id));
    for (const i of bad) out.push(`  ${paint("red", "FAIL")} [${i.section}] ${i.name}${i.detail ? `\n    ${i.detail}` : ""}`);
    if (survivors.length > 0) {
      out.push(`  surviving automatic mutants (${survivors.length}; record true equivalents in equivalent-mutants.json):`);
      for (const s of survivors) out.push(`    line ${s.line}: ${s.key}`);
    }
  }
  return out.length ? `\n${out.join("\n")}\n` : "";
}

async function runCheck(root: string, positionals: string[], values: ReturnType<typeof parse>["values"]): Promise<number> {
  if (values.all === true && positionals.length > 0) throw new UsageError("check takes exercise ids or --all, not both");
  const parsed = CheckArgsSchema.safeParse({ seeds: values.seeds, "first-seed": values["first-seed"] });
  if (!parsed.success) throw new UsageError(parsed.error.issues[0]?.message ?? "bad option");
  const known = await listExerciseDirs(root);
  const ids = values.all === true ? known : positionals;
  if (ids.length === 0) throw new UsageError("check needs an exercise id or --all");
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown exercise ${unknown.map((u) => `"${u}"`).join(", ")} in ${root}`);
  const strength = values["skip-strength"] !== true;
  if (values.record === true && !strength) throw new UsageError("--record needs the strength check (drop --skip-strength)");

  const seeds = checkSeeds(parsed.data.seeds, parsed.data["first-seed"]);
  const scoresJson = join(REPO_ROOT, "docs", "test-strength.json");
  const recorded = strength ? await readRecordedScores(scoresJson) : undefined;
  const err = process.stderr;
  const errPaint = painter(err);
  const status = progressLine(err);
  const reports: CheckReport[] = [];
  const started = performance.now();
  useCpuBackend();
  for (const [n, id] of ids.entries()) {
    const prefix = `[${n + 1}/${ids.length}] ${id}`;
    status(`${prefix}: loading`);
    let report: CheckReport;
    try {
      const ex = await loadExerciseFolder(join(root, id));
      const runner = workerRunner(ex);
      // Automatic mutants often loop for ever (i++ → i--): a shorter limit keeps the check quick,
      // and a mutant slower than that is rejected, as the grader would reject it.
      const strengthRunner = workerRunner(ex, { timeoutMs: Math.min(ex.manifest.limits.wallMs, STRENGTH_TIMEOUT_MS) });
      try {
        report = await checkExercise(ex, { seeds, runner, strength, strengthRunner, onProgress: (m) => status(`${prefix}: ${m}`) });
      } finally {
        await Promise.all([runner.close(), strengthRunner.close()]);
      }
      const drop = scoreDrop(report, recorded);
      if (drop !== undefined) report = { ...report, ok: false, items: [...report.items, { section: "strength", name: "test strength does not drop", ok: false, detail: drop }] };
    } catch (e) {
      report = { id, ok: false, seeds, durationMs: 0, items: [{ section: "placeholders", name: "the folder loads", ok: false, detail: (e as Error).message }] };
    }
    reports.push(report);
    status("");
    err.write(`${prefix} ${report.ok ? errPaint("green", "ok") : errPaint("red", "FAIL")} (${(report.durationMs / 1000).toFixed(1)} s)\n`);
  }
  const paint = painter(process.stdout);
  process.stdout.write(renderTable(reports, paint) + renderDetails(reports, paint));
  const failed = reports.filter((r) => !r.ok).length;
  process.stdout.write(`\n${reports.length - failed}/${reports.length} exercises pass (${seeds.length} seeds from ${seeds[0]}${strength ? ", with test strength" : ""}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  if (values.record === true) {
    await recordScores(scoresJson, join(REPO_ROOT, "docs", "test-strength.md"), reports, seeds[0]!);
    process.stdout.write(`recorded test strength in docs/test-strength.json and docs/test-strength.md\n`);
  }
  return failed === 0 ? 0 : 1;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  const root = values.root === undefined ? join(REPO_ROOT, "exercises") : resolve(ENV.cwd, values.root);
  if (command !== "new" && values.from !== undefined) throw new UsageError("--from belongs to new");
  if (command === "new") return runNew(root, rest, values.from);
  if (command === "check") return runCheck(root, rest, values);
  throw new UsageError(command === undefined ? "missing command" : `unknown command "${command}"`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`exercise: ${e.message}\n\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`exercise: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
