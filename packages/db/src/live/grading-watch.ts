/**
 * Tells whoever watches a submission when its grading job's status changes. One watcher per
 * process shares one change feed; a signal (coalesced while a look-up runs) costs one query for
 * the watched submissions it may concern, and nothing when nobody watches. A slow resync also
 * looks again now and then, so a lost signal delays an update rather than losing it.
 */
import type { Db } from "../client.ts";
import type { ChangeFeed, GradingSignal } from "./change-feed.ts";

export type StatusListener = (status: string) => void;

export interface GradingWatchOptions {
  /** Look at every watched submission this often, whatever the feed said. */
  resyncMs?: number;
  onError?: (message: string, error: unknown) => void;
}

/** Current job status of each of `submissionIds` that has a job. */
export async function gradingStatuses(db: Db, submissionIds: string[]): Promise<Map<string, string>> {
  if (submissionIds.length === 0) return new Map();
  const rows = await db.gradingJob.findMany({ where: { submissionId: { in: submissionIds } }, select: { submissionId: true, status: true } });
  return new Map(rows.map((r) => [r.submissionId, r.status]));
}

export class GradingWatch {
  private listeners = new Map<string, Set<StatusListener>>();
  private known = new Map<string, string>();
  private dirty = new Set<string>();
  private dirtyAll = false;
  private running: Promise<void> | undefined;
  private started: Promise<void> | undefined;
  private resync: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly feed: ChangeFeed,
    private readonly opts: GradingWatchOptions = {},
  ) {}

  get watching(): number {
    return this.listeners.size;
  }

  /** Starts the feed once; later calls wait for the same start. */
  start(): Promise<void> {
    this.started ??= this.feed.start((s) => this.signal(s)).then(() => {
      this.resync = setInterval(() => this.signal({}), this.opts.resyncMs ?? 5000);
      this.resync.unref();
    });
    return this.started;
  }

  /**
   * Calls `listener` with each new status of `submissionId`; returns the unsubscribe. With
   * `known` (the status the caller already has), the status is checked once at once (one light
   * query), so a change made before this call is reported too.
   */
  watch(submissionId: string, listener: StatusListener, known?: string): () => void {
    let set = this.listeners.get(submissionId);
    if (!set) this.listeners.set(submissionId, (set = new Set()));
    set.add(listener);
    if (this.listeners.size === 1 && set.size === 1) this.feed.setWatched(true);
    if (known !== undefined) {
      if (!this.known.has(submissionId)) this.known.set(submissionId, known);
      this.signal({ submissionIds: [submissionId] });
    }
    return () => {
      const s = this.listeners.get(submissionId);
      if (!s) return;
      s.delete(listener);
      if (s.size === 0) {
        this.listeners.delete(submissionId);
        this.known.delete(submissionId);
        if (this.listeners.size === 0) this.feed.setWatched(false);
      }
    };
  }

  async stop(): Promise<void> {
    if (this.resync) clearInterval(this.resync);
    await this.feed.stop();
    await this.running;
  }

  private signal(s: GradingSignal): void {
    if (this.listeners.size === 0) return;
    if (s.submissionIds === undefined) this.dirtyAll = true;
    else for (const id of s.submissionIds) if (this.listeners.has(id)) this.dirty.add(id);
    if (!this.dirtyAll && this.dirty.size === 0) return;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  /** Looks up what is dirty until nothing is (signals during a look-up are served next round). */
  private async drain(): Promise<void> {
    while (this.dirtyAll || this.dirty.size > 0) {
      const ids = this.dirtyAll ? [...this.listeners.keys()] : [...this.dirty].filter((id) => this.listeners.has(id));
      this.dirtyAll = false;
      this.dirty.clear();
      let statuses: Map<string, string>;
      try {
        statuses = await gradingStatuses(this.db, ids);
      } catch (e) {
        this.opts.onError?.("reading grading statuses failed", e);
        return;
      }
      for (const [id, status] of statuses) {
        if (this.known.get(id) === status) continue;
        const set = this.listeners.get(id);
        if (!set) continue;
        this.known.set(id, status);
        for (const listener of [...set]) {
          try {
            listener(status);
          } catch (e) {
            this.opts.onError?.("a grading listener threw", e);
          }
        }
      }
    }
  }
}
