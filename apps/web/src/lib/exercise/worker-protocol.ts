/** Messages between the exercise page and the public-test Web Worker (src/workers). */

export interface RunRequest {
  type: "run";
  runId: number;
  /** Compiled ESM JavaScript from POST /api/compile. */
  code: string;
  /** Dotted tf paths the exercise bans, and paths kept although a ban covers them. */
  bans: string[];
  allow: string[];
  /** The public calls as served by GET /api/exercises/[id]/public-tests (Wire JSON). */
  calls: unknown[];
}

/** exercise-kit's RealmResult with every value in Wire JSON form (structured-clone and HTTP safe). */
export interface RealmResultJson {
  load: { ok: true } | { ok: false; error: unknown };
  results: unknown[];
  logs: string[];
}

export type WorkerMessage =
  | { type: "ready"; backend: string; loadMs: number }
  | { type: "result"; runId: number; realm: RealmResultJson; durationMs: number }
  | { type: "fatal"; message: string };
