import { describe, expect, it } from "vitest";
import { compileSubmission } from "../compile.ts";
import { automaticMutants } from "./strength.ts";

const SOURCE = `import * as tf from "@tensorflow/tfjs";

export function affine(x: number[]): number[] {
  return x.map((v) => 2 * v + 1);
}
`;

describe("automaticMutants", () => {
  it("mutates the reference in place: each mutant is the source with one change, and compiles", async () => {
    const mutants = await automaticMutants(SOURCE);
    const keys = mutants.map((m) => m.key);
    expect(keys).toContain("ArithmeticOperator: 2 * v → 2 / v");
    expect(keys).toContain("ArithmeticOperator: 2 * v + 1 → 2 * v - 1");
    const div = mutants.find((m) => m.key === "ArithmeticOperator: 2 * v → 2 / v")!;
    expect(div.source).toBe(SOURCE.replace("2 * v", "2 / v"));
    expect(div.line).toBe(4);
    for (const m of mutants) expect((await compileSubmission(m.source)).ok, m.key).toBe(true);
  });

  it("numbers identical mutants so every key is unique", async () => {
    const mutants = await automaticMutants(`export const f = (a: number, b: number): number => a + a + b + b;\n`);
    const keys = mutants.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
