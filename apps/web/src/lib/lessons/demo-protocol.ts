/**
 * Messages between a lesson page and its demo Web Worker (src/workers/demo.worker.ts). One worker
 * serves every demo of the page; each run has an id, and a newer run of the same demo slot cancels
 * the older one. Frames are demo-specific plain data (structured-clone safe), typed per demo in
 * src/workers/demos/<name>.ts.
 */
import type { DemoName } from "@course/lessons/browser";
import type { OwnCodeResponse } from "./own-code.ts";

/** A student module the worker should use instead of the reference for one exercise. */
export type OwnModule = Pick<OwnCodeResponse, "exerciseId" | "code" | "bans" | "allow">;

export type DemoRequest =
  | { type: "run"; runId: number; demo: DemoName; params: Record<string, unknown>; own: OwnModule[] }
  | { type: "cancel"; runId: number };

export type DemoResponse =
  | { type: "ready"; backend: string; loadMs: number }
  | { type: "frame"; runId: number; frame: unknown }
  | { type: "done"; runId: number; ms: number }
  /** `exerciseId` is set when the error came from the reader's own code (loading or calling it). */
  | { type: "error"; runId: number; message: string; exerciseId?: string; line?: number }
  | { type: "fatal"; message: string };
