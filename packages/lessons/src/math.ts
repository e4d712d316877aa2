// A small markdown-it plugin: `$...$` inline maths and `$$...$$` display maths, rendered on the
// server by KaTeX (no client JavaScript needed; the page only needs katex.min.css).
import katex from "katex";
import type { MarkdownIt, StateBlock, StateInline } from "markdown-it";

export interface MathOptions {
  /** Throw on invalid TeX instead of rendering KaTeX's red error text. */
  readonly throwOnError: boolean;
}

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

function isWhitespace(code: number | undefined): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

function isDigit(code: number | undefined): boolean {
  return code !== undefined && code >= 0x30 && code <= 0x39;
}

/** Finds the closing `$` of inline maths that opened at `start` (the index after the opener). */
function findInlineClose(src: string, start: number, max: number): number {
  for (let i = start; i < max; i++) {
    const code = src.charCodeAt(i);
    if (code === BACKSLASH) {
      i++;
      continue;
    }
    if (code === DOLLAR) {
      // Pandoc's rule: the closer is not preceded by whitespace and not followed by a digit.
      // Inline maths never contains an unescaped `$`, so a `$` that cannot close ends the search.
      if (isWhitespace(src.charCodeAt(i - 1)) || isDigit(src.charCodeAt(i + 1))) return -1;
      return i;
    }
  }
  return -1;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  if (display) {
    const close = src.indexOf("$$", pos + 2);
    if (close < 0 || close + 2 > posMax || close === pos + 2) return false;
    if (!silent) {
      const token = state.push("math_inline_display", "math", 0);
      token.content = src.slice(pos + 2, close);
      token.markup = "$$";
    }
    state.pos = close + 2;
    return true;
  }
  // The opener must be followed by a non-whitespace character ("costs $5 and $6" is not maths).
  if (isWhitespace(src.charCodeAt(pos + 1)) || pos + 1 >= posMax) return false;
  const close = findInlineClose(src, pos + 1, posMax);
  if (close < 0) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(pos + 1, close);
    token.markup = "$";
  }
  state.pos = close + 1;
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = (state.bMarks[startLine] ?? 0) + (state.tShift[startLine] ?? 0);
  let max = state.eMarks[startLine] ?? 0;
  // More than 3 spaces of indentation is an indented code block.
  if ((state.sCount[startLine] ?? 0) - state.blkIndent >= 4) return false;
  if (pos + 2 > max || state.src.slice(pos, pos + 2) !== "$$") return false;
  pos += 2;
  let firstLine = state.src.slice(pos, max);
  let lastLine = "";
  let next = startLine;
  let found = false;
  if (firstLine.trim().endsWith("$$")) {
    // One-line form: $$ ... $$
    firstLine = firstLine.trim().slice(0, -2);
    found = true;
  }
  if (silent) return true;
  while (!found) {
    next++;
    if (next >= endLine) break;
    pos = (state.bMarks[next] ?? 0) + (state.tShift[next] ?? 0);
    max = state.eMarks[next] ?? 0;
    if (pos < max && (state.sCount[next] ?? 0) < state.blkIndent) break;
    const line = state.src.slice(pos, max).trimEnd();
    if (line.endsWith("$$")) {
      lastLine = line.slice(0, -2);
      found = true;
    }
  }
  if (!found) return false;
  state.line = next + 1;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  const middle = next > startLine + 1 ? state.getLines(startLine + 1, next, state.tShift[startLine] ?? 0, true) : "";
  token.content = [firstLine, middle, lastLine].filter((s) => s.trim() !== "").join("\n");
  token.map = [startLine, state.line];
  token.markup = "$$";
  return true;
}

export function mathPlugin(md: MarkdownIt, options: MathOptions): void {
  const render = (tex: string, displayMode: boolean): string =>
    katex.renderToString(tex, {
      displayMode,
      throwOnError: options.throwOnError,
      output: "htmlAndMathml",
      trust: false,
      strict: "ignore",
    });
  md.inline.ruler.after("escape", "math_inline", mathInline);
  md.block.ruler.after("blockquote", "math_block", mathBlock, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  md.renderer.rules["math_inline"] = (tokens, idx) => render(tokens[idx]?.content ?? "", false);
  md.renderer.rules["math_inline_display"] = (tokens, idx) => render(tokens[idx]?.content ?? "", true);
  md.renderer.rules["math_block"] = (tokens, idx) =>
    `<div class="math-display">${render(tokens[idx]?.content ?? "", true)}</div>\n`;
}
