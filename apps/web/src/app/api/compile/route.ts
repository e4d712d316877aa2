// TypeScript → ESM JavaScript for the in-browser pre-check (esbuild on the server; the code is
// only compiled here, never run). Same compiler and import policy as the grader.
import { route } from "../../../lib/api.ts";
import { compileSource } from "../../../lib/exercise/exercise-source.ts";
import { CompileBodySchema, type CompileResult } from "../../../lib/exercise/schemas.ts";

export const POST = route({ body: CompileBodySchema, auth: true }, async ({ body }) => {
  const result = await compileSource(body.source);
  const out: CompileResult = result.ok
    ? { ok: true, code: result.code, sourceMap: result.sourceMap }
    : { ok: false, kind: result.kind, errors: result.errors.map((e) => ({ message: e.message, line: e.line, column: e.column })) };
  return out;
});
