/** The `grade` CLI as other tooling runs it: a real child process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseFeedback, renderFeedback } from "@course/exercise-kit";
import { parseArgs } from "./args.ts";

const here = dirname(fileURLToPath(import.meta.url));
const exercisesDir = join(here, "../../../../exercises");

function grade(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(here, "grade.ts"), ...args], {
    env: { PATH: "/usr/local/bin:/usr/bin:/bin", ...env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("grade CLI", () => {
  it("prints exactly one JSON document with the contract's keys and exits 0", () => {
    const r = grade(["dense-forward", "solution.ts", "--json", "--seed", "42"], { INIT_CWD: join(exercisesDir, "dense-forward") });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc).sort()).toEqual(["durationMs", "exerciseId", "maxScore", "score", "seed", "status", "tests"]);
    expect(doc.status).toBe("passed");
    expect(doc.seed).toBe(42);
    expect(doc.score).toBe(doc.maxScore);
    for (const t of doc.tests as Record<string, unknown>[]) {
      // "feedback" is the optional structured form of "message" (same sentence, catalogue keys).
      expect(Object.keys(t).every((k) => ["name", "passed", "points", "maxPoints", "message", "feedback"].includes(k))).toBe(true);
      expect(renderFeedback(parseFeedback(t.feedback)!, "en")).toBe(t.message);
    }
  });

  it("a compile error is a grade (exit 0) with line and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "grade-cli-"));
    writeFileSync(join(dir, "bad.ts"), "export function denseForward(x {\n}\n");
    const r = grade(["dense-forward", "bad.ts", "--json"], { INIT_CWD: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { status: string; tests: { message: string }[] };
    expect(doc.status).toBe("compile_error");
    expect(doc.tests[0]!.message).toMatch(/line 1, column \d+/);
  });

  it("the table form has no colour codes when NO_COLOR is set / not a TTY", () => {
    const r = grade(["dense-forward", join(exercisesDir, "dense-forward/solution.ts")], { NO_COLOR: "1" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dense-forward: passed/);
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("usage errors, unknown exercises and unreadable files exit non-zero with a message on stderr", () => {
    const usage = grade(["dense-forward"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/usage/);
    expect(usage.stdout).toBe("");
    const unknown = grade(["no-such-exercise", "x.ts", "--json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown exercise id "no-such-exercise"/);
    const missing = grade(["dense-forward", "/nonexistent/file.ts", "--json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read/);
  });

  it("parses --seed strictly", () => {
    expect(parseArgs(["a", "b", "--seed=7"]).seed).toBe(7);
    expect(() => parseArgs(["a", "b", "--seed", "x"])).toThrow(/--seed/);
    expect(() => parseArgs(["a", "b", "--bogus"])).toThrow(/unknown option/);
  });
});
