/** compileSubmission: a student's TypeScript module → ESM JavaScript, with import policy. */
import { build, type Message, type Plugin } from "esbuild";
import type { CompileReason } from "./messages/catalogue.ts";
import { renderPart } from "./messages/feedback.ts";

export const ALLOWED_IMPORT = "@tensorflow/tfjs";

export interface CompileError {
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Set when the error is our own refusal (not esbuild's): the message in structured form. */
  feedback?: CompileReason;
}

export type CompileResult =
  | { ok: true; code: string; imports: string[]; sourceMap: string }
  | { ok: false; kind: "compile_error" | "rejected"; errors: CompileError[] };

export interface CompileOptions {
  /** What "@tensorflow/tfjs" is rewritten to in the output (a realm's own module name or URL). */
  tfSpecifier?: string;
  /** Largest accepted source, in characters. */
  maxSourceLength?: number;
}

function toError(m: Message, ours: ReadonlyMap<string, CompileReason>): CompileError {
  const e: CompileError = { message: m.text, line: m.location?.line ?? 1, column: (m.location?.column ?? 0) + 1 };
  const reason = ours.get(m.text);
  if (reason !== undefined) e.feedback = reason;
  return e;
}

const reasonText = (r: CompileReason): string => renderPart(r, "en");

export async function compileSubmission(source: string, options: CompileOptions = {}): Promise<CompileResult> {
  const max = options.maxSourceLength ?? 200_000;
  if (source.length > max) {
    const feedback: CompileReason = { key: "compile.tooLong", params: { length: source.length, max } };
    return { ok: false, kind: "rejected", errors: [{ message: reasonText(feedback), line: 1, column: 1, feedback }] };
  }
  const imports = new Set<string>();
  const rejected: string[] = [];
  const ours = new Map<string, CompileReason>();
  const policy: Plugin = {
    name: "import-policy",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return undefined;
        if (args.path === ALLOWED_IMPORT && args.kind === "import-statement") {
          imports.add(args.path);
          return { path: options.tfSpecifier ?? ALLOWED_IMPORT, external: true };
        }
        rejected.push(args.path);
        const how = args.kind === "dynamic-import" ? "dynamic" : args.kind === "require-call" ? "require" : "import";
        const reason: CompileReason =
          args.path === ALLOWED_IMPORT
            ? { key: "compile.staticImportOnly", params: { how } }
            : { key: "compile.importNotAllowed", params: { path: args.path } };
        const text = reasonText(reason);
        ours.set(text, reason);
        return { errors: [{ text }] };
      });
    },
  };
  try {
    // TypeScript drops imports it sees no value use of, so `import _ from "lodash"` would slip
    // past the policy: check the imports as written (verbatim) first, then compile normally.
    await build({
      stdin: { contents: source, loader: "ts", sourcefile: "submission.ts" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      outfile: "submission.js",
      plugins: [policy],
      logLevel: "silent",
      tsconfigRaw: { compilerOptions: { verbatimModuleSyntax: true } },
    });
    const result = await build({
      stdin: { contents: source, loader: "ts", sourcefile: "submission.ts" },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      sourcemap: "external",
      outfile: "submission.js",
      plugins: [policy],
      logLevel: "silent",
      treeShaking: false,
      charset: "utf8",
    });
    const js = result.outputFiles.find((f) => f.path.endsWith(".js"));
    const map = result.outputFiles.find((f) => f.path.endsWith(".map"));
    if (js === undefined) throw new Error("esbuild produced no output");
    return { ok: true, code: js.text, imports: [...imports], sourceMap: map?.text ?? "{}" };
  } catch (e) {
    const errors = ((e as { errors?: Message[] }).errors ?? []).map((m) => toError(m, ours));
    if (errors.length === 0) errors.push({ message: (e as Error).message, line: 1, column: 1 });
    return { ok: false, kind: rejected.length > 0 ? "rejected" : "compile_error", errors };
  }
}
