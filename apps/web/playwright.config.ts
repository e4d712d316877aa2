// End-to-end tests: the built app (`next build` + `next start`) on a fresh, migrated and seeded
// SQLite database in a temp folder, driven by Debian's Chromium.
//
// Playwright loads this file in its main process and again in every worker. The main process
// picks the temp folder, the ports and the secret once and puts them in process.env, which the
// workers inherit, so every process agrees.
import { defineConfig, devices } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";

function freePort(): string {
  const r = spawnSync(process.execPath, ["-e", "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"], { encoding: "utf8" });
  const port = r.stdout.trim();
  if (!/^\d+$/.test(port)) throw new Error(`could not find a free port: ${r.stderr}`);
  return port;
}

const env = process.env;
env.E2E_DIR ??= mkdtempSync(join(tmpdir(), "course-e2e-"));
env.E2E_WEB_PORT ??= freePort();
env.E2E_GRADER_PORT ??= freePort();
env.E2E_SECRET ??= randomBytes(32).toString("hex");
env.E2E_GRADER_TOKEN ??= randomBytes(24).toString("hex");

const webUrl = `http://127.0.0.1:${env.E2E_WEB_PORT}`;
const graderUrl = `http://127.0.0.1:${env.E2E_GRADER_PORT}`;
const databaseUrl = `file:${join(env.E2E_DIR, "e2e.db")}`;

/** Environment of both servers: same database. */
const serverEnv: Record<string, string> = {
  PATH: env.PATH ?? "",
  HOME: env.HOME ?? "/root",
  NODE_ENV: "production",
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: env.E2E_SECRET,
  NEXTAUTH_URL: webUrl,
  GRADER_URL: graderUrl,
  GRADER_TOKEN: env.E2E_GRADER_TOKEN,
  // Every spec signs up fresh accounts from 127.0.0.1; the per-address limit is tested in src/lib/signup.test.ts.
  SIGNUP_MAX_PER_HOUR: "1000",
  NEXT_TELEMETRY_DISABLED: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};

// E2E_SKIP_BUILD=1 reuses an existing .next build (fast reruns while writing tests).
const build = env.E2E_SKIP_BUILD === "1" && existsSync(".next/BUILD_ID") ? "" : "pnpm exec next build --webpack && ";

// ─── GRADER (exercise engineer) ────────────────────────────────────────────────────────────
// The grader service for the submit flow: same DATABASE_URL, listening on GRADER_PORT. Started
// after the web server (webServer entries start in order), so the database is already migrated
// and seeded. Enabled once apps/grader has its entry point; E2E_GRADER=0 turns it off.
const graderEntry = join(import.meta.dirname, "../grader/src/main.ts");
const withGrader = env.E2E_GRADER !== "0" && existsSync(graderEntry);
const graderServer = {
  command: "pnpm --filter @course/grader start",
  url: `${graderUrl}/health`,
  env: { ...serverEnv, GRADER_PORT: env.E2E_GRADER_PORT, PORT: env.E2E_GRADER_PORT },
  reuseExistingServer: false,
  timeout: 180_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
};
// ────────────────────────────────────────────────────────────────────────────────────────────

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.spec\.ts$/,
  globalTeardown: "./e2e/global-teardown.ts",
  fullyParallel: false,
  workers: env.CI ? 1 : 2,
  retries: env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!env.CI,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: webUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    navigationTimeout: 30_000,
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [
    {
      command: `pnpm exec tsx e2e/setup-db.ts && ${build}node server.mjs -H 127.0.0.1 -p ${env.E2E_WEB_PORT}`,
      url: `${webUrl}/api/health`,
      env: serverEnv,
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    ...(withGrader ? [graderServer] : []),
  ],
});
