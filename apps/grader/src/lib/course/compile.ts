/**
 * Course code → one ESM module for the author sandbox: an exercise's tests.ts (and any helper
 * files of its own), bundled with the platform's test-writing API (exercise-kit), the model kit
 * and the driver that plans gradings and runs custom checks. Only `@tensorflow/tfjs` stays an
 * import, linked inside the isolate to the sandbox's tfjs. Course code may import nothing else:
 * no Node module, no other package, no file outside its own folder.
 */
import { realpathSync } from "node:fs";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Message, type Plugin } from "esbuild";
import type { ExerciseBundle } from "@course/exercise-kit";

const here = dirname(fileURLToPath(import.meta.url));
const graderRoot = resolve(here, "../../..");
const pkgDir = (name: string) => realpathSync(join(graderRoot, "node_modules", name));

/** Where a course-code problem is, in the author's own files. */
export interface CourseCompileError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
}

export type CourseCompileResult = { ok: true; code: string } | { ok: false; errors: CourseCompileError[] };

export const COURSE_IMPORTS = ["@tensorflow/tfjs", "@course/exercise-kit", "@course/model-kit"] as const;
const ENTRY = "__course_entry__.ts";
const NS = "course";

/** The module the sandbox runs: the tests' default export behind the driver's plan/check. */
const ENTRY_SOURCE = `import suite from "./tests.ts";
import { createDriver } from "@course/course-driver";
const driver = createDriver(suite);
export function plan(seed, visibility) { return driver.plan(seed, visibility); }
export function check(seed, requests) { return driver.check(seed, requests); }
`;

function loaderFor(path: string): "ts" | "json" | "js" | undefined {
  if (path.endsWith(".ts")) return "ts";
  if (path.endsWith(".json")) return "json";
  if (path.endsWith(".js")) return "js";
  return undefined;
}

/** Resolves `spec` relative to the course file `from`, inside the bundle only. */
function resolveInBundle(files: Record<string, string>, from: string, spec: string): string | undefined {
  const base = posix.normalize(posix.join(posix.dirname(from), spec));
  if (base.startsWith("..") || base.startsWith("/")) return undefined;
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (Object.hasOwn(files, candidate) && loaderFor(candidate)) return candidate;
  return undefined;
}

function coursePlugin(files: Record<string, string>, kit: { api: string; driver: string; modelKit: string }): Plugin {
  return {
    name: "course-code",
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === "entry-point") return { path: ENTRY, namespace: NS };
        // Platform code (the kit's own files) resolves as usual; only course files are policed.
        if (args.namespace !== NS) return undefined;
        if (args.path === "@tensorflow/tfjs") return { path: args.path, external: true };
        if (args.path === "@course/exercise-kit") return { path: kit.api };
        if (args.path === "@course/model-kit") return { path: kit.modelKit };
        if (args.path === "@course/course-driver" && args.importer === ENTRY) return { path: kit.driver };
        if (args.path.startsWith("./") || args.path.startsWith("../")) {
          const found = resolveInBundle(files, args.importer, args.path);
          if (found !== undefined) return { path: found, namespace: NS };
          return { errors: [{ text: `"${args.path}" is not a file of this exercise` }] };
        }
        return { errors: [{ text: `course code may import only ${COURSE_IMPORTS.join(", ")} and the exercise's own files, not "${args.path}"` }] };
      });
      b.onLoad({ filter: /.*/, namespace: NS }, (args) => {
        if (args.path === ENTRY) return { contents: ENTRY_SOURCE, loader: "ts" };
        const loader = loaderFor(args.path);
        const contents = files[args.path];
        if (contents === undefined || loader === undefined) return { errors: [{ text: `cannot load ${args.path}` }] };
        return { contents, loader, resolveDir: here };
      });
    },
  };
}

function toError(m: Message): CourseCompileError {
  const file = m.location?.file.replace(/^course:/, "") ?? "tests.ts";
  return { file, line: m.location?.line ?? 1, column: (m.location?.column ?? 0) + 1, message: m.text };
}

export async function compileCourseCode(bundle: ExerciseBundle): Promise<CourseCompileResult> {
  const exerciseKit = pkgDir("@course/exercise-kit");
  const modelKit = join(pkgDir("@course/model-kit"), "src", "isolate.ts");
  const kit = { api: join(exerciseKit, "src", "course", "api.ts"), driver: join(exerciseKit, "src", "course", "driver.ts"), modelKit };
  if (bundle.files["tests.ts"] === undefined) return { ok: false, errors: [{ file: "tests.ts", line: 1, column: 1, message: "missing tests.ts" }] };
  try {
    const result = await build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      target: "es2022",
      outfile: "course.js",
      external: ["@tensorflow/tfjs"],
      // The kit's own imports of the model kit get its isolate-safe entry too.
      alias: { "@course/model-kit": modelKit },
      plugins: [coursePlugin(bundle.files, kit)],
      define: { "process.env.NODE_ENV": '"production"' },
      logLevel: "silent",
      legalComments: "none",
      charset: "utf8",
    });
    const js = result.outputFiles[0];
    if (js === undefined) throw new Error("esbuild produced no output");
    return { ok: true, code: js.text };
  } catch (e) {
    const errors = ((e as { errors?: Message[] }).errors ?? []).map(toError);
    if (errors.length === 0) errors.push({ file: "tests.ts", line: 1, column: 1, message: (e as Error).message });
    return { ok: false, errors };
  }
}
