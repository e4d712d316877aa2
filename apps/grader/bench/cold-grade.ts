/**
 * Cold baseline for the benchmark: what a naive grader does per submission — start node, load
 * tfjs, grade the file (in-process, no isolation), print the status. Not used by the service.
 */
import { readFileSync } from "node:fs";
import { runLocally } from "@course/exercise-kit";
import { loadExercise } from "@course/exercises";

const exercise = await loadExercise("dense-forward");
const report = await runLocally(exercise, readFileSync(process.argv[2]!, "utf8"), { seed: 1 });
process.stdout.write(JSON.stringify({ status: report.status }) + "\n");
