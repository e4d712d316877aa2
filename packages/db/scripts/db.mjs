#!/usr/bin/env node
// Database chores for both providers, from the one schema in prisma/schema.prisma:
//   generate          write prisma/postgres/schema.prisma, then generate both Prisma clients
//   migration NAME    append a migration for both providers (SQL from `prisma migrate diff`)
//   migrate           apply pending migrations to DATABASE_URL (see src/migrate.ts)
//   seed [--demo]     load the built-in course into DATABASE_URL; --demo adds the demo accounts (src/cli/seed-command.ts)
//   reset-password E  set a new password (read from stdin) for the account E; ends its sessions
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const prismaDir = join(root, "prisma");
const sqliteSchema = join(prismaDir, "schema.prisma");
const pgSchema = join(prismaDir, "postgres", "schema.prisma");
const sqliteConfig = join(here, "..", "prisma.sqlite.config.ts");
const pgConfig = join(here, "..", "prisma.postgres.config.ts");
const prismaBin = join(here, "..", "node_modules", ".bin", "prisma");
const tsxBin = join(here, "..", "node_modules", ".bin", "tsx");
const env = { ...process.env, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1", PRISMA_GENERATE_SKIP_AUTOINSTALL: "1" };

function run(bin, args, extraEnv = {}) {
  execFileSync(bin, args, { stdio: "inherit", cwd: root, env: { ...env, ...extraEnv } });
}

function writePostgresSchema() {
  const source = readFileSync(sqliteSchema, "utf8");
  const out = source
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../packages/db/src/generated/sqlite"', 'output       = "../../packages/db/src/generated/postgres"')
    .replace(/^\/\/ This file targets SQLite[\s\S]*?by hand\.\n/m, "// GENERATED from prisma/schema.prisma by packages/db/scripts/db.mjs: do not edit.\n");
  if (out === source || !out.includes('provider = "postgresql"') || !out.includes("generated/postgres")) {
    throw new Error("could not derive the PostgreSQL schema: provider or output line not found in prisma/schema.prisma");
  }
  mkdirSync(dirname(pgSchema), { recursive: true });
  writeFileSync(pgSchema, out);
}

function generate() {
  writePostgresSchema();
  run(prismaBin, ["generate", "--config", sqliteConfig], { DATABASE_URL: "file:./unused.db" });
  run(prismaBin, ["generate", "--config", pgConfig], { DATABASE_URL: "postgresql://unused@127.0.0.1/unused" });
}

function diffSql(provider, fromSchema, toSchema) {
  const config = provider === "sqlite" ? sqliteConfig : pgConfig;
  const args = ["migrate", "diff", "--config", config, "--script", "--to-schema-datamodel", toSchema];
  if (fromSchema) args.push("--from-schema-datamodel", fromSchema);
  else args.push("--from-empty");
  // The CLI reads the schema's datasource (env("DATABASE_URL")) to see that the client is
  // engine-free; without a value it falls back to downloading the Rust engines.
  // The PostgreSQL diff runs through the pg adapter, which connects even for a diff from empty.
  const url = provider === "sqlite" ? "file:./unused.db" : process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('set TEST_POSTGRES_URL (eval "$(bash scripts/services.sh start)") to write PostgreSQL migrations');
  return execFileSync(prismaBin, args, { cwd: root, env: { ...env, DATABASE_URL: url }, encoding: "utf8" });
}

// New migration = diff between the schema snapshot kept with the latest migration and now.
function newMigration(name) {
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: db.mjs migration <snake_case_name>");
  writePostgresSchema();
  for (const [provider, schema] of [["sqlite", sqliteSchema], ["postgres", pgSchema]]) {
    const dir = join(prismaDir, "migrations", provider);
    mkdirSync(dir, { recursive: true });
    const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
    const last = existing.at(-1);
    const snapshot = last ? join(dir, last, "schema.prisma") : undefined;
    const sql = diffSql(provider, snapshot, schema);
    if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
      console.log(`${provider}: no change`);
      continue;
    }
    const target = join(dir, `${String(existing.length + 1).padStart(4, "0")}_${name}`);
    mkdirSync(target, { recursive: true });
    writeFileSync(join(target, "migration.sql"), sql);
    copyFileSync(schema, join(target, "schema.prisma"));
    console.log(`${provider}: wrote ${target}`);
  }
}

const [command, arg, ...more] = process.argv.slice(2);
switch (command) {
  case "generate":
    generate();
    break;
  case "migration":
    newMigration(arg);
    break;
  case "migrate":
    run(tsxBin, [join(here, "..", "src", "cli", "migrate.ts")]);
    break;
  case "seed":
    try {
      run(tsxBin, [join(here, "..", "src", "cli", "seed.ts"), ...[arg, ...more].filter((a) => a !== undefined)]);
    } catch (error) {
      process.exit(error.status ?? 1); // the CLI has said why on stderr
    }
    break;
  case "reset-password":
    try {
      run(tsxBin, [join(here, "..", "src", "cli", "reset-password.ts"), arg ?? ""]);
    } catch (error) {
      process.exit(error.status ?? 1); // the CLI has said why on stderr
    }
    break;
  default:
    console.error("usage: db.mjs generate | migration <name> | migrate | seed [--demo] [--instructor <email>] | reset-password <email>");
    process.exit(2);
}
