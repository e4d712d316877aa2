import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensureSandboxBundle } from "./bundle.ts";

const cacheRoot = mkdtempSync(join(tmpdir(), "grader-bundle-test-"));
afterAll(() => rmSync(cacheRoot, { recursive: true, force: true }));

describe("sandbox bundle cache", () => {
  it("is built once and rebuilt when its files disappear", async () => {
    const first = await ensureSandboxBundle({ cacheRoot });
    expect(first.dir.startsWith(cacheRoot)).toBe(true);
    expect(await ensureSandboxBundle({ cacheRoot })).toBe(first);
    rmSync(first.dir, { recursive: true, force: true });
    const again = await ensureSandboxBundle({ cacheRoot });
    expect(existsSync(again.realm.core.path)).toBe(true);
    expect(existsSync(again.hostPath)).toBe(true);
  });
});
