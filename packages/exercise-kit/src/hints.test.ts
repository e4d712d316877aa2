import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hintProblems, looksLikeCode, readMutantHints } from "./hints.ts";

const dirs: string[] = [];
async function folder(hints: string | undefined): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "hints-"));
  dirs.push(dir);
  await mkdir(join(dir, "mutants"));
  if (hints !== undefined) await writeFile(join(dir, "mutants", "hints.json"), hints);
  return dir;
}
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("mutant hints", () => {
  it("reads a valid file, and an absent one as empty", async () => {
    const hint = { en: "The bias is never added to the output.", "zh-CN": "输出中没有加上偏置。" };
    expect(await readMutantHints(await folder(JSON.stringify({ "no-bias": hint })))).toEqual({ "no-bias": hint });
    expect(await readMutantHints(await folder(undefined))).toEqual({});
  });

  it("rejects malformed JSON, a missing language and an unknown field with the reason", async () => {
    await expect(readMutantHints(await folder("{"))).rejects.toThrow(/mutants\/hints.json: /);
    await expect(readMutantHints(await folder(JSON.stringify({ a: { en: "Only one language here." } })))).rejects.toThrow(/a.zh-CN/);
    await expect(readMutantHints(await folder(JSON.stringify({ a: { en: "Long enough text.", "zh-CN": "足够长的中文文本内容。", fr: "x" } })))).rejects.toThrow(/mutants\/hints.json/);
  });

  it("tells words from code", () => {
    for (const words of ["The bias is never added: look at the last step of the layer.", "Uses 1 - p where it should use p.", "梯度的符号反了：检查 (σ 与 1 - σ) 的乘积。", "Divides by √d twice.", "Return the updated velocity, and let the gradient flow."]) {
      expect(looksLikeCode(words), words).toBe(false);
    }
    for (const code of ["use `tf.add`", "return x;", "call tf.matMul here", "x = x + b", "fix it with max(a, b)", "const y = x", "{ a }", "(a) => a"]) {
      expect(looksLikeCode(code), code).toBe(true);
    }
  });

  it("lists mutants without hints and hints without mutants", () => {
    const h = { en: "A hint in plain words.", "zh-CN": "用文字写的提示。" };
    expect(hintProblems({ a: h, c: h }, ["a", "b"])).toEqual({ missing: ["b"], unused: ["c"], code: [] });
  });
});
