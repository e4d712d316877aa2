"use client";
/** Runs a demo in the worker while its inputs stay the same, folding its frames into view state. */
import { useEffect, useState } from "react";
import type { DemoName } from "@course/lessons/browser";
import type { OwnModule } from "../../lib/lessons/demo-protocol.ts";
import { runDemo } from "./demo-client.ts";

export type DemoStatus =
  | { kind: "running" }
  | { kind: "done"; ms: number }
  | { kind: "stopped" }
  | { kind: "error"; message: string; exerciseId?: string; line?: number };

/**
 * `reduce` folds each frame into the state (which restarts from `init` on every run). A run starts
 * `debounceMs` after the last input change (sliders), and a newer run cancels the older one.
 * `enabled` false cancels the current run and starts none (a Stop button); the state is kept.
 */
export function useDemoRun<F, S>(
  demo: DemoName,
  params: Record<string, unknown>,
  own: readonly OwnModule[],
  reduce: (state: S, frame: F) => S,
  init: S,
  debounceMs = 60,
  enabled = true,
): { state: S; status: DemoStatus; rerun: () => void } {
  const [state, setState] = useState<S>(init);
  const [status, setStatus] = useState<DemoStatus>({ kind: "running" });
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify(params);

  useEffect(() => {
    if (!enabled) {
      setStatus((s) => (s.kind === "running" ? { kind: "stopped" } : s));
      return;
    }
    let cancel: (() => void) | undefined;
    setStatus({ kind: "running" });
    const timer = setTimeout(() => {
      setState(init);
      cancel = runDemo(demo, JSON.parse(key) as Record<string, unknown>, [...own], {
        onFrame: (f) => setState((s) => reduce(s, f as F)),
        onDone: (ms) => setStatus({ kind: "done", ms }),
        onError: (e) => setStatus({ kind: "error", ...e }),
      });
    }, debounceMs);
    return () => {
      clearTimeout(timer);
      cancel?.();
    };
    // `init` and `reduce` are fixed per view; a run restarts on new parameters, own code or rerun.
  }, [demo, key, own, generation, debounceMs, enabled]);

  return { state, status, rerun: () => setGeneration((g) => g + 1) };
}
