/**
 * `pnpm bench [--json] [--only grading|model-kit|mnist] [--quick]`
 * Runs the grading benchmark (apps/grader) and the model-kit benchmark one after the other (they
 * would skew each other on 2 cores). With --json, stdout carries exactly one JSON document
 * `{ grading: { p50Ms, p95Ms, throughputPerS, coldBaselineP50Ms, submissions }, modelKit?: … }`
 * and the readable tables go to stderr; without it, the tables go to stdout.
 * `--only mnist` (and only that: it takes about a minute) trains the lesson-5 CNN and prints
 * `{ mnist: { testAccuracy, trainSeconds, backend, examples } }`.
 */
import { formatGradingTable, runGradingBench } from "../apps/grader/bench/index.ts";
import { formatMnistTable, runMnistBench } from "../packages/model-kit/bench/mnist.ts";
import { formatBenchTable, runModelKitBench } from "../packages/model-kit/bench/run.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
if (only !== undefined && only !== "grading" && only !== "model-kit" && only !== "mnist") {
  process.stderr.write(`unknown --only "${only}" (expected grading, model-kit or mnist)\n`);
  process.exit(2);
}
const table = (text: string) => (json ? process.stderr : process.stdout).write(text.endsWith("\n") ? text : `${text}\n`);
const progress = (m: string) => process.stderr.write(`bench: ${m}\n`);

const out: Record<string, unknown> = {};
if (only === "mnist") {
  const { result, detail } = await runMnistBench({ onProgress: progress });
  out.mnist = result;
  table(formatMnistTable(result, detail));
}
if (only === undefined || only === "grading") {
  const g = await runGradingBench({ onProgress: progress });
  out.grading = g;
  table(formatGradingTable(g));
}
if (only === undefined || only === "model-kit") {
  const m = await runModelKitBench({ quick, onProgress: progress });
  out.modelKit = m;
  table(`model-kit\n${formatBenchTable(m)}`);
}
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
