import { freshPostgres, freshSqlite, type FreshDb } from "./fresh-db.ts";
import { testServices } from "./config.ts";

/**
 * The providers a test suite runs against. PostgreSQL needs TEST_POSTGRES_URL (the test command
 * starts a server and sets it); under CI its absence is an error, never a silent skip.
 */
export function providers(): { name: string; fresh: () => Promise<FreshDb> }[] {
  const { postgresUrl, requireServices } = testServices();
  const list: { name: string; fresh: () => Promise<FreshDb> }[] = [{ name: "sqlite", fresh: freshSqlite }];
  if (postgresUrl) list.push({ name: "postgresql", fresh: () => freshPostgres(postgresUrl) });
  else if (requireServices) throw new Error("TEST_POSTGRES_URL is not set: run the suite through `npm test` (it starts PostgreSQL)");
  return list;
}
