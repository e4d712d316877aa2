/**
 * A worker thread that grades sources in-process for one exercise folder, so the parent can stop
 * a source that never returns (an automatic mutant's endless loop) by terminating the thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { z } from "zod";
import { loadExerciseFolder } from "../exercise.ts";
import { runLocally } from "../run-locally.ts";

const RequestSchema = z.object({ id: z.number().int(), source: z.string(), seed: z.number().int().nonnegative(), visibility: z.enum(["hidden", "public", "all"]) });

const port = parentPort;
if (port === null) throw new Error("grade-worker.ts runs as a worker thread");
const exercise = await loadExerciseFolder(z.object({ dir: z.string() }).parse(workerData).dir);
port.on("message", (message: unknown) => {
  const request = RequestSchema.parse(message);
  runLocally(exercise, request.source, { seed: request.seed, visibility: request.visibility }).then(
    (report) => port.postMessage({ id: request.id, report }),
    (e: unknown) => port.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
port.postMessage({ ready: true });
