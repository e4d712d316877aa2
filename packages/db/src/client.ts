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

export function createDb(config: DbConfig): Db {
  if (config.provider === "sqlite") {
    const adapter = new PrismaBetterSQLite3({ url: `file:${sqliteFilePath(config.url)}` });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: config.url });
  return new PostgresClient({ adapter }) as unknown as Db;
}
