// Which KaTeX font files a piece of server-rendered maths needs, read from KaTeX's class names
// (the same rules katex.min.css applies). Pure: used by the pages and the font route.

export const KATEX_FONT_FILES = [
  "KaTeX_AMS-Regular.woff2",
  "KaTeX_Caligraphic-Bold.woff2",
  "KaTeX_Caligraphic-Regular.woff2",
  "KaTeX_Fraktur-Bold.woff2",
  "KaTeX_Fraktur-Regular.woff2",
  "KaTeX_Main-Bold.woff2",
  "KaTeX_Main-BoldItalic.woff2",
  "KaTeX_Main-Italic.woff2",
  "KaTeX_Main-Regular.woff2",
  "KaTeX_Math-BoldItalic.woff2",
  "KaTeX_Math-Italic.woff2",
  "KaTeX_SansSerif-Bold.woff2",
  "KaTeX_SansSerif-Italic.woff2",
  "KaTeX_SansSerif-Regular.woff2",
  "KaTeX_Script-Regular.woff2",
  "KaTeX_Size1-Regular.woff2",
  "KaTeX_Size2-Regular.woff2",
  "KaTeX_Size3-Regular.woff2",
  "KaTeX_Size4-Regular.woff2",
  "KaTeX_Typewriter-Regular.woff2",
] as const;

export type KatexFontFile = (typeof KATEX_FONT_FILES)[number];

/** Class name → the face katex.min.css gives it (the common ones; anything else stays unpreloaded). */
const FACE_OF_CLASS: Record<string, KatexFontFile> = {
  mathnormal: "KaTeX_Math-Italic.woff2",
  boldsymbol: "KaTeX_Math-BoldItalic.woff2",
  mathit: "KaTeX_Main-Italic.woff2",
  textit: "KaTeX_Main-Italic.woff2",
  mathbf: "KaTeX_Main-Bold.woff2",
  textbf: "KaTeX_Main-Bold.woff2",
  amsrm: "KaTeX_AMS-Regular.woff2",
  mathbb: "KaTeX_AMS-Regular.woff2",
  textbb: "KaTeX_AMS-Regular.woff2",
  mathcal: "KaTeX_Caligraphic-Regular.woff2",
  mathfrak: "KaTeX_Fraktur-Regular.woff2",
  textfrak: "KaTeX_Fraktur-Regular.woff2",
  mathtt: "KaTeX_Typewriter-Regular.woff2",
  texttt: "KaTeX_Typewriter-Regular.woff2",
  mathscr: "KaTeX_Script-Regular.woff2",
  textscr: "KaTeX_Script-Regular.woff2",
  mathsf: "KaTeX_SansSerif-Regular.woff2",
  textsf: "KaTeX_SansSerif-Regular.woff2",
  "small-op": "KaTeX_Size1-Regular.woff2",
  "large-op": "KaTeX_Size2-Regular.woff2",
  size1: "KaTeX_Size1-Regular.woff2",
  size2: "KaTeX_Size2-Regular.woff2",
  size3: "KaTeX_Size3-Regular.woff2",
  size4: "KaTeX_Size4-Regular.woff2",
  "delim-size1": "KaTeX_Size1-Regular.woff2",
  "delim-size4": "KaTeX_Size4-Regular.woff2",
};

/** The font files the KaTeX maths in `html` uses, KaTeX_Main-Regular first; empty without maths. */
export function katexFontsUsed(html: string): KatexFontFile[] {
  if (!html.includes('class="katex')) return [];
  const used = new Set<KatexFontFile>(["KaTeX_Main-Regular.woff2"]);
  for (const [, classes] of html.matchAll(/class="([^"]*)"/g)) {
    for (const name of classes?.split(" ") ?? []) {
      const face = FACE_OF_CLASS[name];
      if (face !== undefined) used.add(face);
    }
  }
  return [...used];
}
