// Prisma CLI config for the SQLite schema. engine "js" + a driver adapter keeps the CLI off
// Prisma's binary host (unreachable here): generate and migrate diff run fully offline.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "../../prisma/schema.prisma",
  adapter: async () => new PrismaBetterSQLite3({ url: process.env.DATABASE_URL ?? "file:./unused.db" }),
});
