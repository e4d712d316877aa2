// Adds up the pass/fail counts that vitest ("Tests  3 failed | 40 passed (43)") and Playwright
// ("  12 passed (1.2m)", "  1 failed", "  2 flaky") print, and prints one closing line
// "N passed, N failed" (", N skipped" when some were). A Playwright test that passed only on a
// retry is not counted as passed: it is counted apart, named on its own line before the closing
// one ("N flaky: <tests>"), so it is seen and fixed.
import { existsSync, readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const strip = (s) => s.replace(/\x1b\[[0-9;]*m/g, "");

/** Counts from the text of test logs. */
export function summarise(texts) {
  const total = { passed: 0, failed: 0, skipped: 0, flaky: 0, flakyTests: [] };
  for (const text of texts) {
    let inFlakyList = false;
    for (const raw of text.split("\n")) {
      const line = strip(raw);
      // Playwright lists each flaky test, indented, under its "N flaky" line.
      if (inFlakyList && /^\s{4,}\S/.test(line)) {
        total.flakyTests.push(line.trim());
        continue;
      }
      inFlakyList = false;
      // vitest's summary, possibly behind turbo's "pkg:test: " prefix; then Playwright's lines.
      const vitest = /\bTests\s+((?:\d+ \w+\s*\|?\s*)+)\(\d+\)/.exec(line);
      const counts = vitest ? vitest[1] : /^\s+\d+ (passed|failed|skipped|flaky)\b/.test(line) ? line : null;
      if (!counts) continue;
      for (const m of counts.matchAll(/(\d+) (passed|failed|skipped|flaky)/g)) {
        const n = Number(m[1]);
        total[m[2]] += n;
        if (m[2] === "flaky" && !vitest) inFlakyList = true;
      }
    }
  }
  return total;
}

/** The lines to print: the flaky tests (when any), then the closing "N passed, N failed" line. */
export function report(t) {
  const lines = [];
  if (t.flaky > 0) lines.push(`${t.flaky} flaky (passed only on retry): ${t.flakyTests.join("; ") || "see the Playwright log"}`);
  lines.push(`${t.passed} passed, ${t.failed} failed${t.skipped ? `, ${t.skipped} skipped` : ""}`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const texts = process.argv.slice(2).filter((f) => existsSync(f)).map((f) => readFileSync(f, "utf8"));
  const totals = summarise(texts);
  for (const line of report(totals)) console.log(line);
  process.exit(totals.failed > 0 || totals.passed === 0 ? 1 : 0);
}
