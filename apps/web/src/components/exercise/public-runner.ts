/**
 * Owns the public-test Web Worker. One worker is kept warm (tfjs loaded, no student code yet);
 * each run uses it and a fresh one is warmed for the next run, so one attempt's top-level side
 * effects never leak into the next. A run that exceeds its time limit terminates the worker (an
 * infinite loop cannot freeze the tab) and a new one is started.
 */
import type { RealmResultJson, RunRequest, WorkerMessage } from "../../lib/exercise/worker-protocol.ts";

export interface RunOutput {
  realm: RealmResultJson;
  durationMs: number;
}

export class RunTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`timed out after ${seconds} s`);
    this.name = "RunTimeoutError";
  }
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

function spawn(): Slot {
  const worker = new Worker(new URL("../../workers/public-tests.worker.ts", import.meta.url), { type: "module", name: "public-tests" });
  const ready = new Promise<void>((resolve, reject) => {
    const onMessage = (e: MessageEvent<WorkerMessage>) => {
      if (e.data.type === "ready") {
        worker.removeEventListener("message", onMessage);
        resolve();
      } else if (e.data.type === "fatal") {
        worker.removeEventListener("message", onMessage);
        reject(new Error(e.data.message));
      }
    };
    worker.addEventListener("message", onMessage);
    worker.addEventListener("error", (e) => reject(new Error(e.message || "The test runner failed to start.")), { once: true });
  });
  // A rejected warm-up is reported when a run awaits it, not as an unhandled rejection.
  ready.catch(() => undefined);
  return { worker, ready };
}

export class PublicRunner {
  private slot: Slot | null = null;
  private runId = 0;

  /** Starts a worker in the background if none is warm. */
  warm(): void {
    this.slot ??= spawn();
  }

  async run(input: Omit<RunRequest, "type" | "runId">, timeoutMs: number, onPreparing?: () => void): Promise<RunOutput> {
    const slot = this.slot ?? spawn();
    this.slot = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      onPreparing?.();
      await slot.ready;
      const runId = ++this.runId;
      return await new Promise<RunOutput>((resolve, reject) => {
        timer = setTimeout(() => reject(new RunTimeoutError(Math.round(timeoutMs / 1000))), timeoutMs);
        slot.worker.addEventListener("message", (e: MessageEvent<WorkerMessage>) => {
          if (e.data.type === "result" && e.data.runId === runId) resolve({ realm: e.data.realm, durationMs: e.data.durationMs });
          else if (e.data.type === "fatal") reject(new Error(e.data.message));
        });
        slot.worker.addEventListener("error", (e) => reject(new Error(e.message || "The test runner crashed.")));
        const request: RunRequest = { type: "run", runId, ...input };
        slot.worker.postMessage(request);
      });
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      slot.worker.terminate();
      this.warm();
    }
  }

  dispose(): void {
    this.slot?.worker.terminate();
    this.slot = null;
  }
}
