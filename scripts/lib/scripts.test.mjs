// Tests of the README's scripts (run by `npm test` with node's own runner: node --test).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { report, summarise } from "./summarise.mjs";

const commonSh = join(import.meta.dirname, "common.sh");

describe("ensure_secret (scripts/lib/common.sh)", () => {
  const run = (file) => execFileSync("bash", ["-c", `source "${commonSh}" && ensure_secret "$0" 32`, file], { encoding: "utf8" });

  it("creates the secret readable by its owner only", () => {
    const file = join(mkdtempSync(join(tmpdir(), "secret-")), ".auth-secret");
    run(file);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.match(readFileSync(file, "utf8"), /^[A-Za-z0-9_-]{43}$/);
  });

  it("keeps an existing secret and takes away others' access to it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "secret-")), ".grader-token");
    writeFileSync(file, "existing-secret-value", { mode: 0o644 });
    run(file);
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(readFileSync(file, "utf8"), "existing-secret-value");
  });
});

describe("summarise (scripts/lib/summarise.mjs)", () => {
  const vitest = "@course/db:test:       Tests  2 failed | 40 passed (42)";
  const playwright = [
    "  ✓  1 [chromium] › e2e/a.spec.ts:3:1 › works (1.2s)",
    "  1 flaky",
    "    [chromium] › e2e/b.spec.ts:9:1 › passes on the second try ",
    "  3 skipped",
    "  12 passed (1.2m)",
  ].join("\n");

  it("counts a test that passed only on retry apart, by name, and keeps the closing line", () => {
    const t = summarise([vitest, playwright]);
    assert.deepEqual({ ...t }, { passed: 52, failed: 2, skipped: 3, flaky: 1, flakyTests: ["[chromium] › e2e/b.spec.ts:9:1 › passes on the second try"] });
    const lines = report(t);
    assert.equal(lines.at(-1), "52 passed, 2 failed, 3 skipped");
    assert.match(lines.at(-1), /^\d+ passed, \d+ failed/);
    assert.equal(lines[0], "1 flaky (passed only on retry): [chromium] › e2e/b.spec.ts:9:1 › passes on the second try");
  });

  it("prints only the closing line when nothing was flaky", () => {
    assert.deepEqual(report(summarise(["  5 passed (3s)"])), ["5 passed, 0 failed"]);
  });
});
