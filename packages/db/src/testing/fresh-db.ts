import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, type Db } from "../client.ts";
import { parseDbConfig, type DbConfig } from "../config.ts";
import { applyMigrations } from "../migrate.ts";

export interface FreshDb {
  db: Db;
  config: DbConfig;
  dispose(): Promise<void>;
}

/** A new, migrated, empty SQLite database in a temporary folder. */
export async function freshSqlite(): Promise<FreshDb> {
  const dir = mkdtempSync(join(tmpdir(), "course-db-"));
  const config = parseDbConfig({ url: `file:${join(dir, "test.db")}` });
  await applyMigrations(config);
  const db = createDb(config);
  return {
    db,
    config,
    async dispose() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new, migrated, empty database on the PostgreSQL server at `serverUrl`, dropped on dispose. */
export async function freshPostgres(serverUrl: string): Promise<FreshDb> {
  const name = `course_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config = parseDbConfig({ url: url.toString() });
  await applyMigrations(config);
  const db = createDb(config);
  return {
    db,
    config,
    async dispose() {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
