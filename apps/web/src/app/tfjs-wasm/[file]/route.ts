// The tfjs wasm backend's binaries from a fixed URL (/tfjs-wasm/<file>.wasm) for the lesson demos'
// worker, served straight from the @tensorflow/tfjs-backend-wasm package: nothing is fetched from
// outside, no copies in git.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { TFJS_WASM_FILES } from "../../../lib/lessons/wasm-files.ts";

// Through getBuiltinModule because webpack would compile a `createRequire(…).resolve` into a module id.
const { createRequire } = process.getBuiltinModule("node:module");
const distDir = join(dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm/package.json")), "dist");
const FileSchema = z.enum(TFJS_WASM_FILES);

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const parsed = FileSchema.safeParse((await params).file);
  if (!parsed.success) return Response.json({ error: { code: "not_found", message: "No such file." } }, { status: 404 });
  const bytes = await readFile(join(distDir, parsed.data));
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "application/wasm", "cache-control": "public, max-age=604800", "x-content-type-options": "nosniff" },
  });
}
