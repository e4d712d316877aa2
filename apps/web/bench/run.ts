/**
 * The e2e section of `pnpm bench` (`--only e2e`): runs bench/click-to-grade.bench.ts through
 * Playwright (playwright.bench.config.ts builds the app unless E2E_SKIP_BUILD=1, starts it with
 * the grader, drives Chromium) and returns its figures, checked with zod.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";

export const E2eBenchResultSchema = z
  .object({
    clickToGradeP50Ms: z.number().finite().nonnegative(),
    clickToGradeP95Ms: z.number().finite().nonnegative(),
    runs: z.number().int().positive(),
  })
  .strict();
export type E2eBenchResult = z.output<typeof E2eBenchResultSchema>;

export async function runE2eBench(opts: { onProgress?: (m: string) => void; runs?: number } = {}): Promise<E2eBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "course-e2e-bench-"));
  const out = join(dir, "result.json");
  try {
    opts.onProgress?.("e2e: building the web app and starting it with the grader (Playwright, Chromium)");
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn("pnpm", ["exec", "playwright", "test", "-c", "playwright.bench.config.ts"], {
        cwd: join(import.meta.dirname, ".."),
        env: { ...process.env, E2E_BENCH_OUT: out, ...(opts.runs ? { E2E_BENCH_RUNS: String(opts.runs) } : {}) },
        // Playwright's report is progress here: stdout stays free for the bench's JSON.
        stdio: ["ignore", process.stderr, process.stderr],
      });
      child.on("error", reject);
      child.on("exit", resolve);
    });
    if (code !== 0) throw new Error(`the click-to-grade benchmark failed (playwright exited with ${code})`);
    return E2eBenchResultSchema.parse(JSON.parse(readFileSync(out, "utf8")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatE2eTable(r: E2eBenchResult): string {
  return `e2e (click Submit → grade visible, Chromium)\n  p50 ${r.clickToGradeP50Ms} ms   p95 ${r.clickToGradeP95Ms} ms   runs ${r.runs}\n`;
}
