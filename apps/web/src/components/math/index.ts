// Server-rendered maths (KaTeX HTML) needs KaTeX's stylesheet and fonts. KaTeX declares its fonts
// `font-display: block`, so text containing maths stays invisible until they arrive: preloading
// the faces the first screen's maths uses lets them download alongside the scripts instead of
// after the stylesheet is parsed, and a lesson's first paragraph appears sooner on a phone.
import "katex/dist/katex.min.css";
import "./math-fonts.css";
import { katexFontsUsed, type KatexFontFile } from "./fonts.ts";

/** Roughly what a phone shows first: fonts used only further down load when they are needed. */
const FIRST_SCREEN_CHARS = 6000;
/**
 * Only the faces nearly every formula uses (about 40 KB): preloading more competes with the
 * page's scripts for a phone's bandwidth (measured: the exercise page lost ~5 Lighthouse points
 * with five faces preloaded). The rarer faces load when the stylesheet asks for them.
 */
const CRITICAL = new Set<KatexFontFile>(["KaTeX_Main-Regular.woff2", "KaTeX_Math-Italic.woff2"]);

/**
 * The font files to preload for a page that shows `html` (KaTeX output) near its top; render them
 * with <MathFontPreloads> (React hoists the links into the document's head).
 */
export function mathFontsToPreload(html: string): KatexFontFile[] {
  return katexFontsUsed(html.slice(0, FIRST_SCREEN_CHARS)).filter((file) => CRITICAL.has(file));
}

export { MathFontPreloads } from "./preloads.tsx";
