// Runs every TypeScript example of every lesson against the real tfjs (cpu backend, as the page's
// Run button does), compares its console output with the `output` fence written under it, and
// checks that the Chinese text carries the same code and outputs as the English one (comments may
// differ).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { fileURLToPath } from "node:url";
import * as tf from "@tensorflow/tfjs";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lessonSlugs, type LessonSlug } from "./catalog.ts";
import { parseLessonFile } from "./frontmatter.ts";
import { lessonContentDir } from "./loader.ts";
import { renderLesson } from "./markdown.ts";
import { formatLogLine, normalizeOutput } from "./sample-output.ts";

const IMPORT_LINE = 'import * as tf from "@tensorflow/tfjs";';

function tsBlocks(slug: LessonSlug, locale: string): string[] {
  const { body } = parseLessonFile(readFileSync(`${lessonContentDir}${slug}/${locale}.md`, "utf8"), slug);
  return [...body.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
}

/** Each sample's expected output (null when the lesson gives none). */
function expectedOutputs(slug: LessonSlug, locale: string): (string | null)[] {
  const { body } = parseLessonFile(readFileSync(`${lessonContentDir}${slug}/${locale}.md`, "utf8"), slug);
  return renderLesson(body).segments.flatMap((s) => (s.kind === "sample" ? [s.expected] : []));
}

function withoutComments(code: string): string {
  return code
    .split("\n")
    .map((line) => line.replace(/\s*\/\/.*$/, "").trimEnd())
    .filter((line) => line !== "")
    .join("\n");
}

let dir = "";

beforeAll(async () => {
  await tf.setBackend("cpu");
  // tfjs greets Node users once, on the first op, through console.warn: not a sample's output.
  const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
  tf.tidy(() => tf.add(1, 1));
  warn.mockRestore();
  dir = await mkdtemp(join(tmpdir(), "lesson-snippets-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * Type errors of every lesson's examples, each lesson compiled as one strict module against
 * tfjs's own declarations (one program for all lessons: loading the DOM and tfjs types is slow).
 */
function typeErrorsByLesson(): Map<LessonSlug, string[]> {
  const files = new Map<string, LessonSlug>();
  for (const slug of lessonSlugs) {
    const blocks = tsBlocks(slug, "en");
    const body = blocks.map((b, i) => `{ // example ${i + 1}\n${b.replace(IMPORT_LINE, "")}\n}`).join("\n");
    const file = join(dir, `${slug}.check.ts`);
    ts.sys.writeFile(file, `${IMPORT_LINE}\n${body}\nexport {};\n`);
    files.set(file, slug);
  }
  const tfjsTypes = fileURLToPath(import.meta.resolve("@tensorflow/tfjs")).replace(/\/[^/]+$/, "/index.d.ts");
  const program = ts.createProgram([...files.keys()], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    // tfjs's declarations mention DOM types (canvases, images).
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: [],
    paths: { "@tensorflow/tfjs": [tfjsTypes] },
  });
  const errors = new Map<LessonSlug, string[]>(lessonSlugs.map((slug) => [slug, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const slug = d.file ? files.get(d.file.fileName) : undefined;
    const message = `${d.file?.fileName ?? "(global)"}:${d.start ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    // Diagnostics outside the example files (none expected) are reported against every lesson.
    for (const [key, list] of errors) if (slug === undefined || slug === key) list.push(message);
  }
  return errors;
}

let typeErrors = new Map<LessonSlug, string[]>();

describe("TypeScript examples", () => {
  beforeAll(() => {
    typeErrors = typeErrorsByLesson();
  }, 60_000);

  it.each(lessonSlugs)("of %s type-check as strict TypeScript against tfjs", (slug) => {
    expect(typeErrors.get(slug)).toEqual([]);
  });
});

describe.each(lessonSlugs)("examples of %s", (slug) => {

  it("import tfjs the way submissions do, and each prints the output written under it", async () => {
    const blocks = tsBlocks(slug, "en");
    const expected = expectedOutputs(slug, "en");
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks[0]).toContain(IMPORT_LINE);
    // Each sample runs on its own, as the page's Run button runs it, with `tf` passed in instead
    // of imported (the import is the only line removed).
    const lines: string[] = [];
    const capture = (...args: unknown[]) => void lines.push(formatLogLine(args));
    const spies = (["log", "info", "warn", "error", "debug"] as const).map((level) => vi.spyOn(console, level).mockImplementation(capture));
    try {
      for (const [i, block] of blocks.entries()) {
        const file = join(dir, `${slug}-${i}.ts`);
        await writeFile(file, `export default async function run(tf: any): Promise<void> {\n${block.replace(IMPORT_LINE, "")}\n}\n`);
        const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default: (t: typeof tf) => Promise<void> };
        lines.length = 0;
        await mod.default(tf);
        const actual = normalizeOutput(lines.join("\n"));
        expect(actual, `sample ${i + 1} prints something`).not.toBe("");
        expect(expected[i], `sample ${i + 1} has an output fence; it prints:\n${actual}`).not.toBeNull();
        expect(actual, `output of sample ${i + 1}`).toBe(normalizeOutput(expected[i] ?? ""));
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("gives the same expected outputs in the Chinese translation", () => {
    expect(expectedOutputs(slug, "zh-CN")).toEqual(expectedOutputs(slug, "en"));
  });

  it("has the same code in the Chinese translation", () => {
    expect(tsBlocks(slug, "zh-CN").map(withoutComments)).toEqual(tsBlocks(slug, "en").map(withoutComments));
  });
});
