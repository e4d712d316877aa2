import { describe, expect, it } from "vitest";
import { linkTfImport, tfShimSource } from "./module-link.ts";

describe("linkTfImport", () => {
  it("points namespace, named and side-effect imports at the shim", () => {
    const code = [
      'import * as tf from "@tensorflow/tfjs";',
      "import { matMul } from '@tensorflow/tfjs';",
      'import "@tensorflow/tfjs";',
      'const s = "@tensorflow/tfjs is great";',
    ].join("\n");
    const out = linkTfImport(code, "blob:abc");
    expect(out).toContain('import * as tf from "blob:abc";');
    expect(out).toContain('import { matMul } from "blob:abc";');
    expect(out).toContain('import "blob:abc";');
    expect(out).toContain('"@tensorflow/tfjs is great"');
  });
});

describe("tfShimSource", () => {
  it("exports valid identifiers only and a default", () => {
    const src = tfShimSource(["matMul", "add", "default", "not-valid", "losses"]);
    expect(src).toContain("export default tf;");
    expect(src).toContain('export const matMul = tf["matMul"];');
    expect(src).toContain('export const losses = tf["losses"];');
    expect(src).not.toContain("not-valid");
    expect(src.match(/export default/g)).toHaveLength(1);
  });
});
