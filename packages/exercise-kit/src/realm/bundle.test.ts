import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("realm bundle", () => {
  it("bundles for a bare isolate: no imports, no Node APIs", async () => {
    const entry = fileURLToPath(new URL("./index.ts", import.meta.url));
    const out = await build({ entryPoints: [entry], bundle: true, write: false, format: "esm", platform: "neutral", logLevel: "silent" });
    const code = out.outputFiles[0]!.text;
    expect(code).not.toMatch(/^\s*import[\s{*]/m);
    expect(code).not.toMatch(/\bimport\(/);
    expect(code).not.toMatch(/\brequire\(/);
    expect(code).not.toMatch(/\b(process|Buffer|__dirname)\b/);
    expect(code).toMatch(/export\s*\{[^}]*executeCalls/);
  });
});
