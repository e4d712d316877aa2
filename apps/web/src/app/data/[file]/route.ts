// Real datasets for the lesson demos from a fixed URL (/data/<file>): the 10,000 MNIST digits the
// model kit keeps as a gzip asset (packages/model-kit/data), decoded in the demo worker. Served as
// stored: the bytes stay compressed on the wire and in the cache.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { DATA_FILES } from "../../../lib/lessons/data-files.ts";

// Through getBuiltinModule because webpack would compile a `createRequire(…).resolve` into a module id.
const { createRequire } = process.getBuiltinModule("node:module");
const nodeRequire = createRequire(import.meta.url);
const FileSchema = z.enum(DATA_FILES);

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const parsed = FileSchema.safeParse((await params).file);
  if (!parsed.success) return Response.json({ error: { code: "not_found", message: "No such file." } }, { status: 404 });
  const bytes = await readFile(nodeRequire.resolve(`@course/model-kit/data/${parsed.data}`));
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": "application/octet-stream", "cache-control": "public, max-age=604800", "x-content-type-options": "nosniff" },
  });
}
