/**
 * Authoring CLI: check exercises end to end.
 *   pnpm --filter @course/exercise-kit exec tsx src/cli/check.ts <id|--all> [--root DIR] [--seeds 1,2,3] [--verbose]
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { checkExercise } from "../check-exercise.ts";
import { listExerciseDirs, loadExerciseFolder } from "../exercise.ts";

const DEFAULT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../exercises");

function usage(): never {
  console.error("usage: check.ts <exercise-id ...|--all> [--root DIR] [--seeds 1,2,3] [--verbose]");
  process.exit(2);
}

async function main(argv: string[]): Promise<number> {
  let root = DEFAULT_ROOT;
  let seeds = [1, 2, 3];
  let all = false;
  let verbose = false;
  const ids: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--all") all = true;
    else if (a === "--verbose" || a === "-v") verbose = true;
    else if (a === "--root") root = resolve(argv[++i] ?? usage());
    else if (a === "--seeds") seeds = (argv[++i] ?? usage()).split(",").map(Number);
    else if (a.startsWith("-")) usage();
    else ids.push(a);
  }
  if (seeds.some((s) => !Number.isInteger(s) || s < 0)) usage();
  const targets = all ? await listExerciseDirs(root) : ids;
  if (targets.length === 0) usage();
  let failed = 0;
  for (const id of targets) {
    try {
      const report = await checkExercise(await loadExerciseFolder(join(root, id)), { seeds });
      console.log(`${report.ok ? "PASS" : "FAIL"} ${id}`);
      for (const item of report.items) {
        if (!item.ok || verbose) console.log(`  ${item.ok ? "ok  " : "FAIL"} ${item.name}${item.detail ? `: ${item.detail}` : ""}`);
      }
      if (!report.ok) failed++;
    } catch (e) {
      failed++;
      console.log(`FAIL ${id}\n  ${(e as Error).message}`);
    }
  }
  console.log(`${targets.length - failed}/${targets.length} exercises pass`);
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
