import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadExerciseFolder } from "../exercise.ts";
import { workerRunner } from "./worker-runner.ts";

const kit = JSON.stringify(new URL("../index.ts", import.meta.url).href);

/** A one-case exercise: `f()` must return 1. */
async function demoFolder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "worker-runner-"));
  const dir = join(root, "demo");
  await mkdir(dir);
  // ESM, as in the repo: tsx in the worker would otherwise load tests.ts as CommonJS.
  await writeFile(join(root, "package.json"), '{ "type": "module" }');
  const files: Record<string, string> = {
    "exercise.json": JSON.stringify({ id: "demo", lesson: 1, title: { en: "T", "zh-CN": "题" }, exports: ["f"], bans: [] }),
    "statement.en.md": "s",
    "statement.zh-CN.md": "题",
    "starter.ts": "",
    "solution.ts": "export const f = () => 1;\n",
    "tests.ts": `import { defineTests, call, randomCase } from ${kit};\nexport default defineTests({ run: () => call("f"), expected: () => 1, cases: [randomCase("one", () => ({}))] });\n`,
    "tests.zh-CN.json": '{ "one": "一" }',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

// Counts the gradings its worker has served in a global: 1 only in a fresh worker.
const countsGradings = `const g = globalThis as { served?: number };\ng.served = (g.served ?? 0) + 1;\nexport const f = () => g.served;\n`;

describe("workerRunner", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(join(d, ".."), { recursive: true, force: true })));
  });

  it("replaces its worker after gradingsPerWorker gradings, so one source's leftovers do not reach later ones", async () => {
    const dir = await demoFolder();
    dirs.push(dir);
    const runner = workerRunner(await loadExerciseFolder(dir), { gradingsPerWorker: 2 });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await runner.grade(countsGradings, { seed: 1, visibility: "all" })).status);
      // The second grading shares the first one's worker; the third gets a fresh worker.
      expect(statuses).toEqual(["passed", "failed", "passed"]);
    } finally {
      await runner.close();
    }
  }, 60_000);
});
