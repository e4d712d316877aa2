/**
 * `pnpm bench [--json] [--only grading|model-kit|e2e|load|soak|mnist] [--quick]`
 *   load: [--students 200] [--per-student 10]; soak: [--gradings 10000]
 * Runs the grading benchmark (apps/grader) and the model-kit benchmark one after the other (they
 * would skew each other on 2 cores). With --json, stdout carries exactly one JSON document
 * `{ grading: { p50Ms, p95Ms, throughputPerS, coldBaselineP50Ms, submissions, failingP50Ms, failingP95Ms,
 *   diagnosisP50Ms, diagnosisP95Ms, failingSubmissions }, modelKit?: … }`
 * and the readable tables go to stderr; without it, the tables go to stdout.
 * Long sections run only when named: `--only e2e` prints `{ e2e: { clickToGradeP50Ms,
 * clickToGradeP95Ms, runs } }` (Playwright in Chromium against the built app).
 * The long scale-out sections too (PostgreSQL + Redis: the TEST_* servers, or throwaway ones the
 * bench starts and stops):
 *   --only load  `{ load: { submissions, lost, duplicated, p50Ms, p95Ms, p99Ms, queueWaitP95Ms,
 *                throughput1PerS, throughput2PerS, scaling } }` (apps/grader/bench/load.ts)
 *   --only soak  `{ soak: { gradings, lost, rssStartMb, rssEndMb, growthPct, slopeKbPer1000 } }`
 *                (apps/grader/bench/soak.ts)
 * `--only mnist` trains the lesson-5 CNN and prints `{ mnist: { testAccuracy, trainSeconds,
 * backend, examples } }`.
 */
import { formatGradingTable, runGradingBench } from "../apps/grader/bench/index.ts";
import { formatLoadTable, runLoadBench } from "../apps/grader/bench/load.ts";
import { parseBenchSizes } from "../apps/grader/bench/sizes.ts";
import { formatSoakTable, runSoakBench } from "../apps/grader/bench/soak.ts";
import { formatE2eTable, runE2eBench } from "../apps/web/bench/run.ts";
import { formatMnistTable, runMnistBench } from "../packages/model-kit/bench/mnist.ts";
import { formatBenchTable, runModelKitBench } from "../packages/model-kit/bench/run.ts";

const args = process.argv.slice(2);
const json = args.includes("--json");
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const SECTIONS = ["grading", "model-kit", "e2e", "load", "soak", "mnist"];
if (only !== undefined && !SECTIONS.includes(only)) {
  process.stderr.write(`unknown --only "${only}" (expected ${SECTIONS.join(", ")})\n`);
  process.exit(2);
}
let sizes: ReturnType<typeof parseBenchSizes>;
try {
  sizes = parseBenchSizes(args);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
}
const table = (text: string) => (json ? process.stderr : process.stdout).write(text.endsWith("\n") ? text : `${text}\n`);
const progress = (m: string) => process.stderr.write(`bench: ${m}\n`);

const out: Record<string, unknown> = {};
const everyday = only === undefined || only === "grading" || only === "model-kit";
if (only === "load") {
  const l = await runLoadBench({ ...sizes, onProgress: progress });
  out.load = l;
  table(formatLoadTable(l));
}
if (only === "soak") {
  const s = await runSoakBench({ ...sizes, onProgress: progress });
  out.soak = s;
  table(formatSoakTable(s));
}
if (only === "mnist") {
  const { result, detail } = await runMnistBench({ onProgress: progress });
  out.mnist = result;
  table(formatMnistTable(result, detail));
}
if (everyday && only !== "model-kit") {
  const g = await runGradingBench({ onProgress: progress });
  out.grading = g;
  table(formatGradingTable(g));
}
if (everyday && only !== "grading") {
  const m = await runModelKitBench({ quick, onProgress: progress });
  out.modelKit = m;
  table(`model-kit\n${formatBenchTable(m)}`);
}
if (only === "e2e") {
  const e = await runE2eBench({ onProgress: progress });
  out.e2e = e;
  table(formatE2eTable(e));
}
if (json) process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
