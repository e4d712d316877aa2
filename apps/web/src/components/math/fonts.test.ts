import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { renderMarkdown } from "@course/lessons";
import { describe, expect, it } from "vitest";
import { KATEX_FONT_FILES, katexFontsUsed } from "./fonts.ts";

describe("katexFontsUsed", () => {
  it("finds no font in text without maths", () => {
    expect(katexFontsUsed(renderMarkdown("Plain *text* and `code`."))).toEqual([]);
  });

  it("names the faces KaTeX's classes call for", () => {
    const used = katexFontsUsed(renderMarkdown("Let $x \\in \\mathbb{R}^n$ and $$\\sum_{i=1}^{n} \\mathbf{w}_i \\left( \\frac{a}{b} \\right)$$"));
    expect(used[0]).toBe("KaTeX_Main-Regular.woff2");
    expect(used).toContain("KaTeX_Math-Italic.woff2");
    expect(used).toContain("KaTeX_AMS-Regular.woff2");
    expect(used).toContain("KaTeX_Main-Bold.woff2");
    expect(used).toContain("KaTeX_Size2-Regular.woff2");
    expect(used).not.toContain("KaTeX_Fraktur-Regular.woff2");
  });

  it("lists exactly the woff2 files the katex package ships (the font route serves these)", () => {
    const dir = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist", "fonts");
    expect([...KATEX_FONT_FILES].sort()).toEqual(readdirSync(dir).filter((f) => f.endsWith(".woff2")).sort());
  });
});
