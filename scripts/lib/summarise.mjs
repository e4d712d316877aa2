// Adds up the pass/fail counts that vitest ("Tests  3 failed | 40 passed (43)") and Playwright
// ("  12 passed (1.2m)", "  1 failed") print, and prints one closing line "N passed, N failed".
import { readFileSync, existsSync } from "node:fs";

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, "");
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue;
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = strip(raw);
    // vitest's summary, possibly behind turbo's "pkg:test: " prefix; then Playwright's lines.
    const vitest = /\bTests\s+((?:\d+ \w+\s*\|?\s*)+)\(\d+\)/.exec(line);
    const counts = vitest ? vitest[1] : /^\s+\d+ (passed|failed|skipped|flaky)\b/.test(line) ? line : null;
    if (!counts) continue;
    for (const m of counts.matchAll(/(\d+) (passed|failed|skipped|flaky)/g)) {
      const n = Number(m[1]);
      if (m[2] === "passed" || m[2] === "flaky") passed += n;
      else if (m[2] === "failed") failed += n;
      else skipped += n;
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
