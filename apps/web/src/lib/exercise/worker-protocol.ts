/** Messages between the exercise page and the public-test Web Worker (src/workers). */
import type { TestFeedback } from "./schemas.ts";

export interface RunRequest {
  type: "run";
  runId: number;
  /** Compiled ESM JavaScript from POST /api/compile, and its source map (for student line numbers). */
  code: string;
  sourceMap: string | null;
  /** Dotted tf paths the exercise bans. */
  bans: string[];
  allow: string[];
  /** Public fixtures as served by GET /api/exercises/[id]/public-tests (parsed in the worker). */
  fixtures: unknown;
}

export type WorkerMessage =
  | { type: "ready"; backend: string; loadMs: number }
  | { type: "result"; runId: number; outcome: PublicRunOutcome }
  | { type: "fatal"; message: string };

export interface PublicRunOutcome {
  /** The grade status of the public run ("passed", "failed", "runtime_error", …). */
  status: string;
  tests: TestFeedback[];
  loadError: string | null;
  logs: string[];
  durationMs: number;
}
