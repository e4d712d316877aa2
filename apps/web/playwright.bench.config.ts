// `pnpm bench --only e2e`: the e2e setup (built app + grader on a fresh SQLite database, Debian's
// Chromium) running the click-to-grade measurement in bench/ instead of the e2e specs.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config.ts";

export default defineConfig({
  ...base,
  metadata: { benchOut: process.env.E2E_BENCH_OUT, benchRuns: process.env.E2E_BENCH_RUNS, benchCompare: process.env.E2E_BENCH_COMPARE },
  testDir: "bench",
  testMatch: /click-to-grade\.bench\.ts$/,
  workers: 1,
  retries: 0,
  timeout: 600_000,
});
