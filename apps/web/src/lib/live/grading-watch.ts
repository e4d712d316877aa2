// One grading watcher per server process (kept on globalThis like the database client), started
// on first use: SQLite → PRAGMA data_version, PostgreSQL → LISTEN (see @course/db's live module).
import { GradingWatch, openChangeFeed } from "@course/db";
import { getDb } from "../db.ts";
import { getEnv } from "../env.ts";

const holder = globalThis as typeof globalThis & { __courseGradingWatch?: Promise<GradingWatch> };

function logError(message: string, error: unknown): void {
  console.error(`[live] ${message}:`, error instanceof Error ? error.message : error);
}

export function getGradingWatch(): Promise<GradingWatch> {
  holder.__courseGradingWatch ??= (async () => {
    const watch = new GradingWatch(getDb(), openChangeFeed(getEnv().db, { onError: logError }), { onError: logError });
    await watch.start();
    return watch;
  })().catch((e: unknown) => {
    // Try again on the next request rather than keeping a broken watcher.
    holder.__courseGradingWatch = undefined;
    throw e;
  });
  return holder.__courseGradingWatch;
}
