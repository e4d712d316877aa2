/**
 * `pnpm --filter @course/grader bench [--json]`: prints the grading figures as a table, or with
 * --json exactly `{ grading: { p50Ms, p95Ms, throughputPerS, coldBaselineP50Ms, submissions } }`.
 */
import { pathToFileURL } from "node:url";
import { runGradingBench, type GradingBenchResult } from "./grading.ts";

export { runGradingBench, type GradingBenchOptions, type GradingBenchResult } from "./grading.ts";

/** The figures as a readable table, each beside its target. */
export function formatGradingTable(r: GradingBenchResult): string {
  const rows: [string, string, string][] = [
    ["p50 enqueue → stored grade", `${r.p50Ms} ms`, "<= 100 ms"],
    ["p95 enqueue → stored grade", `${r.p95Ms} ms`, "<= 250 ms"],
    ["throughput (concurrent)", `${r.throughputPerS} /s`, ">= 20 /s"],
    ["cold baseline p50 (fresh node + tfjs)", `${r.coldBaselineP50Ms} ms`, ""],
    ["speed-up vs cold (p50)", `${Math.round((r.coldBaselineP50Ms / r.p50Ms) * 10) / 10}x`, ">= 3x"],
    ["submissions graded", String(r.submissions), ""],
    [`failing p50 enqueue → stored grade (${r.failingSubmissions})`, `${r.failingP50Ms} ms`, ""],
    ["failing p95 enqueue → stored grade", `${r.failingP95Ms} ms`, "<= 250 ms"],
    ["failing p50 enqueue → stored diagnosis", `${r.diagnosisP50Ms} ms`, ""],
    ["failing p95 enqueue → stored diagnosis", `${r.diagnosisP95Ms} ms`, ""],
  ];
  const w = Math.max(...rows.map((x) => x[0].length));
  let out = "grading (dense-forward reference solution)\n";
  for (const [k, v, target] of rows) out += `  ${k.padEnd(w)}  ${v.padStart(10)}  ${target}\n`;
  return out;
}

async function main(): Promise<void> {
  const json = process.argv.includes("--json");
  const num = (flag: string) => {
    const i = process.argv.indexOf(flag);
    return i >= 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const r = await runGradingBench({
    ...(num("--sequential") ? { sequential: num("--sequential")! } : {}),
    ...(num("--concurrent") ? { concurrent: num("--concurrent")! } : {}),
    ...(num("--cold") ? { coldRuns: num("--cold")! } : {}),
    ...(num("--failing") ? { failing: num("--failing")! } : {}),
    ...(num("--workers") ? { workers: num("--workers")! } : {}),
    onProgress: (m) => process.stderr.write(`bench: ${m}\n`),
  });
  if (json) {
    process.stdout.write(JSON.stringify({ grading: r }) + "\n");
    return;
  }
  process.stdout.write(formatGradingTable(r));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
