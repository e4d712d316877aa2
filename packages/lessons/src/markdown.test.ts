import { describe, expect, it } from "vitest";
import { renderToc, slugify } from "./headings.ts";
import { renderMarkdown, renderMarkdownWithHeadings } from "./markdown.ts";

describe("renderMarkdown", () => {
  it("renders inline and display maths with KaTeX on the server", () => {
    const html = renderMarkdown("Let $\\sigma(z)$ be\n\n$$\n\\frac{1}{1+e^{-z}}\n$$\n\nand $$x^2$$ too.");
    expect(html).toContain('<span class="katex">');
    expect(html).toContain('<div class="math-display"><span class="katex-display">');
    expect(html).toContain("<annotation encoding=\"application/x-tex\">\\sigma(z)</annotation>");
    expect(html).toContain("\\frac{1}{1+e^{-z}}");
    expect(html).not.toContain("$");
  });

  it("renders a one-line display block", () => {
    const html = renderMarkdown("$$ a^2 + b^2 $$");
    expect(html).toContain("katex-display");
    expect(html).toContain("a^2 + b^2");
  });

  it("leaves prices, escaped dollars and code alone", () => {
    const html = renderMarkdown("It costs $5 and $6, or \\$7. `const $x = 1` stays code.");
    expect(html).not.toContain("katex");
    expect(html).toContain("$5 and $6, or $7.");
    expect(html).toContain("<code>const $x = 1</code>");
  });

  it("throws on invalid TeX only when asked to", () => {
    expect(() => renderMarkdown("bad $\\frac{1}$ maths", { throwOnError: true })).toThrow(/KaTeX parse error/);
    const html = renderMarkdown("bad $\\frac{1}$ maths");
    expect(html).toContain("katex-error");
  });

  it("does not let raw HTML through", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nHi <img src=x onerror="alert(1)"> there');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it("does not let TeX inject HTML", () => {
    const html = renderMarkdown("$\\href{javascript:alert(1)}{x}$ and $\\htmlId{a}{b}$");
    expect(html).not.toContain("href=");
    expect(html).not.toContain('id="a"');
  });

  it("drops javascript: links and marks external links noopener", () => {
    const html = renderMarkdown("[a](javascript:alert(1)) [b](https://example.org) [c](/lessons/x)");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer" target="_blank">b</a>');
    expect(html).toContain('<a href="/lessons/x">c</a>');
  });

  it.each(["ts", "typescript", "js", "json", "bash"])("highlights %s code fences", (lang) => {
    const html = renderMarkdown(`\`\`\`${lang}\nconst x = "<b>" // note\n\`\`\``);
    expect(html).toContain(`<code class="hljs language-${lang}">`);
    expect(html).toContain('<span class="hljs-');
    expect(html).not.toContain("<b>");
  });

  it("escapes fences in unknown languages without highlighting", () => {
    const html = renderMarkdown("```python\nprint('<b>')\n```");
    expect(html).not.toContain("hljs");
    expect(html).toContain("&lt;b&gt;");
  });
});

describe("headings", () => {
  it("gives headings unique ids and returns them in order", () => {
    const { html, headings } = renderMarkdownWithHeadings(
      "## The neuron\n\n### Shapes: $[N, D]$\n\n## The neuron\n\n## 常见错误\n",
    );
    expect(headings.map((h) => [h.level, h.id])).toEqual([
      [2, "the-neuron"],
      [3, "shapes-n-d"],
      [2, "the-neuron-2"],
      [2, "常见错误"],
    ]);
    expect(html).toContain('<h2 id="the-neuron-2">');
    expect(headings[1]?.text).toBe("Shapes: [N, D]");
  });

  it("slugifies punctuation-only text to a usable id", () => {
    expect(slugify("?!")).toBe("section");
    expect(slugify("Adam: bias correction")).toBe("adam-bias-correction");
  });

  it("builds a nested table of contents", () => {
    const toc = renderToc([
      { level: 2, text: "A", id: "a" },
      { level: 3, text: "A.1", id: "a-1" },
      { level: 2, text: "B & C", id: "b-c" },
    ]);
    expect(toc).toBe(
      '<ul class="toc"><li><a href="#a">A</a><ul><li><a href="#a-1">A.1</a></li></ul></li>' +
        '<li><a href="#b-c">B &amp; C</a></li></ul>',
    );
    expect(renderToc([])).toBe("");
  });
});
