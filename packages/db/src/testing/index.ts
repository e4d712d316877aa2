// Test helpers for packages that need a real database (not part of the runtime surface).
export { freshPostgres, freshSqlite, type FreshDb } from "./fresh-db.ts";
export { seedFixture, type Fixture } from "./fixture.ts";
export { providers } from "./providers.ts";
export { testServices } from "./config.ts";
