import type { KatexFontFile } from "./fonts.ts";

/** <link rel="preload"> for KaTeX font files; React hoists them into the head. */
export function MathFontPreloads({ files }: { files: readonly KatexFontFile[] }) {
  return files.map((file) => <link key={file} rel="preload" href={`/fonts/katex/${file}`} as="font" type="font/woff2" crossOrigin="anonymous" />);
}
