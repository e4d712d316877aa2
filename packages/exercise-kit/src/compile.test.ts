import { describe, expect, it } from "vitest";
import { compileSubmission } from "./compile.ts";

describe("compileSubmission", () => {
  it("compiles TypeScript to ESM that keeps the tfjs import and exports", async () => {
    const r = await compileSubmission(`import * as tf from "@tensorflow/tfjs";\nexport const f = (x: tf.Tensor): tf.Tensor => tf.relu(x);\n`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.imports).toEqual(["@tensorflow/tfjs"]);
    expect(r.code).toMatch(/from "@tensorflow\/tfjs"/);
    expect(r.code).toMatch(/export\s*\{/);
    expect(r.code).not.toMatch(/tf\.Tensor\)/);
  });

  it("reports a syntax error with its line and 1-based column", async () => {
    const r = await compileSubmission(`export function f() {\n  return 1 +;\n}\n`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe("compile_error");
    expect(r.errors[0]).toMatchObject({ line: 2, column: 13 });
    expect(r.errors[0]!.message).toMatch(/Unexpected/);
  });

  it("rejects any other import, naming it", async () => {
    const r = await compileSubmission(`import { readFileSync } from "node:fs";\nexport const f = () => readFileSync("/etc/passwd");\n`);
    expect(r).toMatchObject({ ok: false, kind: "rejected" });
    if (r.ok) return;
    expect(r.errors[0]!.message).toContain(`"node:fs"`);
    expect(r.errors[0]!.line).toBe(1);
  });

  it("rejects require() and dynamic import(), even of tfjs", async () => {
    const req = await compileSubmission(`const cp = require("child_process");\nexport const f = () => cp;\n`);
    expect(req).toMatchObject({ ok: false, kind: "rejected" });
    if (!req.ok) expect(req.errors[0]!.message).toContain("child_process");
    const dyn = await compileSubmission(`export const f = async () => (await import("@tensorflow/tfjs")).relu;\n`);
    expect(dyn).toMatchObject({ ok: false, kind: "rejected" });
    if (!dyn.ok) expect(dyn.errors[0]!.message).toMatch(/dynamic import/);
  });

  it("rejects relative imports (no file system in the sandbox)", async () => {
    const r = await compileSubmission(`import x from "./secret";\nexport const f = () => x;\n`);
    expect(r).toMatchObject({ ok: false, kind: "rejected" });
  });

  it("rejects an import even when nothing uses it (TypeScript would drop it silently)", async () => {
    const r = await compileSubmission(`import _ from "lodash";\nexport const f = (x: number) => x;\n`);
    expect(r).toMatchObject({ ok: false, kind: "rejected" });
    if (!r.ok) expect(r.errors[0]?.message).toMatch(/"lodash" is not allowed/);
    const typeUse = await compileSubmission(`import { Tensor2D } from "@tensorflow/tfjs";\nexport const f = (x: Tensor2D) => x;\n`);
    expect(typeUse.ok).toBe(true);
  });

  it("allows top-level await and type-only imports of anything", async () => {
    const r = await compileSubmission(
      `import type { Stats } from "node:fs";\nimport * as tf from "@tensorflow/tfjs";\nawait tf.ready();\nexport const s: Stats | null = null;\n`,
    );
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.code).toMatch(/await tf\.ready\(\)/);
  });

  it("rewrites the tfjs specifier when the realm asks for it", async () => {
    const r = await compileSubmission(`import { relu } from "@tensorflow/tfjs";\nexport const f = relu;\n`, { tfSpecifier: "realm:tf" });
    expect(r.ok && r.code.includes(`"realm:tf"`)).toBe(true);
  });

  it("refuses oversized sources", async () => {
    const r = await compileSubmission("//".padEnd(300, "x"), { maxSourceLength: 100 });
    expect(r).toMatchObject({ ok: false, kind: "rejected" });
  });
});
