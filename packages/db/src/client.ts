import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DbConfig } from "./config.ts";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";

/**
 * The Prisma client type the code base programs against. Both generated clients have the same
 * models and methods (they come from one schema); the SQLite one names the type.
 */
export type Db = SqliteClient;

/** Resolves "file:./x.db" against the current directory and makes sure its folder exists. */
export function sqliteFilePath(url: string): string {
  const path = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (path === ":memory:") return path;
  const absolute = resolve(path);
  mkdirSync(dirname(absolute), { recursive: true });
  return absolute;
}

// Recorded at creation: a Prisma client is a proxy, so `instanceof` its class is always false.
const providers = new WeakMap<Db, DbConfig["provider"]>();

export function createDb(config: DbConfig): Db {
  const db =
    config.provider === "sqlite"
      ? new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(config.url)}` }) })
      : (new PostgresClient({ adapter: new PrismaPg({ connectionString: config.url }) }) as unknown as Db);
  providers.set(db, config.provider);
  return db;
}

/** The database behind a client made by createDb (SQL that differs between the two asks this). */
export function dbProvider(db: Db): DbConfig["provider"] {
  const provider = providers.get(db);
  if (provider === undefined) throw new Error("dbProvider: this client was not made by createDb");
  return provider;
}
