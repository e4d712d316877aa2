// KaTeX's fonts from a fixed URL (/fonts/katex/<file>.woff2), so pages can preload the faces their
// maths uses (src/components/math). Served straight from the katex package: no copies in git.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { KATEX_FONT_FILES } from "../../../../components/math/fonts.ts";

// Through getBuiltinModule because webpack would compile a `createRequire(…).resolve` into a module id.
const { createRequire } = process.getBuiltinModule("node:module");
const fontsDir = join(dirname(createRequire(import.meta.url).resolve("katex/package.json")), "dist", "fonts");
const FileSchema = z.enum(KATEX_FONT_FILES);

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const parsed = FileSchema.safeParse((await params).file);
  if (!parsed.success) return Response.json({ error: { code: "not_found", message: "No such font." } }, { status: 404 });
  const bytes = await readFile(join(fontsDir, parsed.data));
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "font/woff2", "cache-control": "public, max-age=604800", "x-content-type-options": "nosniff" },
  });
}
