// TypeScript → ESM JavaScript for the in-browser pre-check (esbuild on the server; the code is
// only compiled here, never run). Same compiler and import policy as the grader.
import { route } from "../../../lib/api.ts";
import { compileSource } from "../../../lib/exercise/exercise-source.ts";
import { localizeMessage } from "../../../lib/exercise/feedback-view.ts";
import { CompileBodySchema, MAX_CODE_BODY_BYTES, type CompileResult } from "../../../lib/exercise/schemas.ts";
import { getLocale } from "../../../lib/i18n/server.ts";

export const POST = route({ body: CompileBodySchema, auth: true, maxBody: MAX_CODE_BODY_BYTES }, async ({ body }) => {
  const result = await compileSource(body.source);
  if (result.ok) return { ok: true, code: result.code, sourceMap: result.sourceMap } satisfies CompileResult;
  // Our own refusals (imports, size) in the viewer's language; esbuild's errors as it wrote them.
  const loc = { locale: await getLocale() };
  const errors = result.errors.map((e) => ({ message: localizeMessage(e.message, e.feedback && [e.feedback], loc) ?? e.message, line: e.line, column: e.column }));
  return { ok: false, kind: result.kind, errors } satisfies CompileResult;
});
