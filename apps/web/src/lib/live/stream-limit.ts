/**
 * Open live streams per user in this process: each holds a watcher entry and timers, so one
 * account cannot open thousands. A page needs one; a few tabs stay well under the cap. Past it the
 * page gets a 429 and follows by polling.
 */
export const MAX_STREAMS_PER_USER = 8;

export class StreamLimiter {
  private open = new Map<string, number>();

  constructor(private readonly max = MAX_STREAMS_PER_USER) {}

  /** A release function (idempotent), or null when `userId` already has `max` streams open. */
  acquire(userId: string): (() => void) | null {
    const n = this.open.get(userId) ?? 0;
    if (n >= this.max) return null;
    this.open.set(userId, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left <= 0) this.open.delete(userId);
      else this.open.set(userId, left);
    };
  }

  openFor(userId: string): number {
    return this.open.get(userId) ?? 0;
  }
}

const holder = globalThis as typeof globalThis & { __courseLiveStreams?: StreamLimiter };

/** The process's one limiter, shared by every route that answers with a live stream. */
export function liveStreamLimiter(): StreamLimiter {
  holder.__courseLiveStreams ??= new StreamLimiter();
  return holder.__courseLiveStreams;
}
