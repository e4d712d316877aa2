/**
 * Where the web app hears that grading jobs changed, without asking every row again and again:
 *   - SQLite (embedded): PRAGMA data_version on a dedicated read-only connection. It changes
 *     whenever another connection (the grader's, or the web app's own Prisma client) commits, and
 *     reading it costs a few microseconds, so it is checked every `intervalMs` (5 ms: a few
 *     milliseconds of the time a student waits for a grade), and only while someone watches (not
 *     at all on an idle server). Nothing needs configuring, no port or token, and neither process
 *     has to be up for the other to start.
 *   - PostgreSQL (scale-out): LISTEN on "course_grading", which a trigger on "GradingJob"
 *     notifies (migration 0007) on commit of every status change, whoever made it.
 * A signal says what may have changed; the watcher (grading-watch.ts) reads the actual status.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { z } from "zod";
import { sqliteFilePath } from "../client.ts";
import type { DbConfig } from "../config.ts";

/** `submissionIds` absent: anything may have changed (check every watched submission). */
export interface GradingSignal {
  submissionIds?: string[];
}

export interface ChangeFeed {
  readonly kind: "sqlite-data-version" | "postgres-listen";
  start(onSignal: (signal: GradingSignal) => void): Promise<void>;
  stop(): Promise<void>;
  /** Whether anyone is waiting for a signal: a polling feed polls only then (a listening one ignores it). */
  setWatched(watched: boolean): void;
}

export type FeedLogger = (message: string, error: unknown) => void;

export const GRADING_CHANNEL = "course_grading";

export interface ChangeFeedOptions {
  /** SQLite: how often data_version is read while anyone watches. */
  intervalMs?: number;
  /** PostgreSQL: wait before reconnecting a lost LISTEN connection. */
  reconnectMs?: number;
  onError?: FeedLogger;
}

export function openChangeFeed(config: DbConfig, opts: ChangeFeedOptions = {}): ChangeFeed {
  return config.provider === "sqlite" ? sqliteChangeFeed(config.url, opts) : postgresChangeFeed(config.url, opts);
}

const DataVersionSchema = z.number().int();

function sqliteChangeFeed(url: string, opts: ChangeFeedOptions): ChangeFeed {
  const intervalMs = opts.intervalMs ?? 5;
  let read: (() => number) | undefined;
  let conn: Database.Database | undefined;
  let timer: NodeJS.Timeout | undefined;
  let onSignal: (signal: GradingSignal) => void = () => undefined;
  let watched = false;
  let last = 0;
  const poll = () => {
    try {
      const now = read!();
      if (now === last) return;
      last = now;
      onSignal({});
    } catch (e) {
      opts.onError?.("reading PRAGMA data_version failed", e);
    }
  };
  const resume = () => {
    if (!read || !watched || timer) return;
    // The version now is the baseline: a watcher reads the state after subscribing, so only later commits matter.
    last = read();
    timer = setInterval(poll, intervalMs);
    timer.unref();
  };
  const pause = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    kind: "sqlite-data-version",
    async start(listener) {
      onSignal = listener;
      conn = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true });
      const version = conn.prepare("PRAGMA data_version").pluck();
      read = () => DataVersionSchema.parse(version.get());
      resume();
    },
    async stop() {
      pause();
      read = undefined;
      conn?.close();
      conn = undefined;
    },
    setWatched(next) {
      watched = next;
      if (next) resume();
      else pause();
    },
  };
}

const NotificationSchema = z.object({ submissionId: z.string().min(1), status: z.string() });

function postgresChangeFeed(url: string, opts: ChangeFeedOptions): ChangeFeed {
  const reconnectMs = opts.reconnectMs ?? 1000;
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let onSignal: (signal: GradingSignal) => void = () => undefined;

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, reconnectMs);
    retry.unref();
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    client = c;
    let dropped = false;
    const drop = (e: unknown) => {
      if (dropped) return;
      dropped = true;
      if (!stopped) opts.onError?.("grading LISTEN connection lost; reconnecting", e);
      c.end().catch(() => undefined);
      scheduleReconnect();
    };
    c.on("error", drop);
    c.on("end", () => drop(new Error("connection ended")));
    c.on("notification", (n) => {
      if (n.channel !== GRADING_CHANNEL || n.payload === undefined) return;
      try {
        onSignal({ submissionIds: [NotificationSchema.parse(JSON.parse(n.payload)).submissionId] });
      } catch (e) {
        opts.onError?.("unreadable grading notification", e);
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${GRADING_CHANNEL}`);
      // Notifications sent while no connection listened are gone: have every watcher look again.
      onSignal({});
    } catch (e) {
      drop(e);
    }
  }

  return {
    kind: "postgres-listen",
    // Notifications come whether anyone watches or not; the watcher ignores them when nobody does.
    setWatched() {},
    async start(listener) {
      stopped = false;
      onSignal = listener;
      await connect();
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
