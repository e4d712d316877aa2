/** Poll delays for a grading in progress: quick at first, then slower, capped. Pure. */
export function pollDelayMs(attempt: number, opts: { initial?: number; factor?: number; max?: number } = {}): number {
  const initial = opts.initial ?? 500;
  const factor = opts.factor ?? 1.5;
  const max = opts.max ?? 5000;
  if (!Number.isFinite(attempt) || attempt < 0) return initial;
  return Math.min(max, Math.round(initial * factor ** attempt));
}

/** Whether a job status is final (no more polling). */
export function isFinalStatus(status: string): boolean {
  return status === "graded" || status === "failed";
}

/** The server pings a live stream every 15 s: a stream silent for longer is broken (a buffering proxy, a dead link). */
export const STREAM_STALL_MS = 40_000;
