// One @course/db client per server process (kept on globalThis so dev-mode reloads reuse it).
import { createDb, type Db } from "@course/db";
import { getEnv } from "./env.ts";

const holder = globalThis as typeof globalThis & { __courseDb?: Db };

export function getDb(): Db {
  holder.__courseDb ??= createDb(getEnv().db);
  return holder.__courseDb;
}

export type { Db };
