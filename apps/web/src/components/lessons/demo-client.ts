/**
 * The page side of the demo worker: one worker per page, started when the first demo scrolls into
 * view. runDemo starts a run and returns its cancel function; frames arrive on the main thread,
 * which only draws them.
 */
import type { DemoName } from "@course/lessons/browser";
import type { DemoRequest, DemoResponse, OwnModule } from "../../lib/lessons/demo-protocol.ts";

export interface DemoHandlers {
  onFrame(frame: unknown): void;
  onDone?(ms: number): void;
  onError(error: { message: string; exerciseId?: string; line?: number }): void;
}

let worker: Worker | null = null;
let nextRunId = 0;
const handlers = new Map<number, DemoHandlers>();

function failAll(message: string): void {
  for (const h of handlers.values()) h.onError({ message });
  handlers.clear();
  worker?.terminate();
  worker = null;
}

function demoWorker(): Worker {
  if (worker !== null) return worker;
  const w = new Worker(new URL("../../workers/demo.worker.ts", import.meta.url), { type: "module", name: "lesson-demos" });
  w.addEventListener("message", (e: MessageEvent<DemoResponse>) => {
    const m = e.data;
    if (m.type === "ready") return;
    if (m.type === "fatal") return failAll(m.message);
    const h = handlers.get(m.runId);
    if (h === undefined) return;
    if (m.type === "frame") h.onFrame(m.frame);
    else if (m.type === "done") {
      handlers.delete(m.runId);
      h.onDone?.(m.ms);
    } else {
      handlers.delete(m.runId);
      h.onError({ message: m.message, ...(m.exerciseId === undefined ? {} : { exerciseId: m.exerciseId }), ...(m.line === undefined ? {} : { line: m.line }) });
    }
  });
  w.addEventListener("error", (e) => failAll(e.message || "The demo worker stopped."));
  worker = w;
  return w;
}

/** Starts a run of `demo`; the returned function cancels it (frames stop at once). */
export function runDemo(demo: DemoName, params: Record<string, unknown>, own: OwnModule[], h: DemoHandlers): () => void {
  const runId = ++nextRunId;
  handlers.set(runId, h);
  const request: DemoRequest = { type: "run", runId, demo, params, own };
  demoWorker().postMessage(request);
  return () => {
    if (!handlers.delete(runId)) return;
    const cancel: DemoRequest = { type: "cancel", runId };
    worker?.postMessage(cancel);
  };
}
