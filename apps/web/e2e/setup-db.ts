// Creates the e2e database: applies migrations to DATABASE_URL (a fresh SQLite file in a temp
// folder chosen by playwright.config.ts) and loads the demo course with @course/db's seedDemo.
// Run with tsx before the web server starts (Playwright starts webServer entries before
// globalSetup, so this is the first step of the web server's command).
import { applyMigrations, createDb, dbConfigFromEnv } from "@course/db";
import { DEMO, loadDemoContent, seedDemo } from "@course/db/seed";

const config = dbConfigFromEnv();
const applied = await applyMigrations(config);
const db = createDb(config);
try {
  const result = await seedDemo(db, await loadDemoContent());
  console.log(`[e2e] ${config.url}: ${applied.length} migrations, ${result.lessons} lessons, ${result.assignments} assignments, course ${DEMO.courseSlug}`);
} finally {
  await db.$disconnect();
}
