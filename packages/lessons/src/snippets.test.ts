// Runs every TypeScript example of every lesson against the real tfjs (cpu backend), and checks
// that the Chinese text carries the same code as the English one (comments may differ).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lessonSlugs, type LessonSlug } from "./catalog.ts";
import { parseLessonFile } from "./frontmatter.ts";
import { lessonContentDir } from "./loader.ts";

const IMPORT_LINE = 'import * as tf from "@tensorflow/tfjs";';

function tsBlocks(slug: LessonSlug, locale: string): string[] {
  const { body } = parseLessonFile(readFileSync(`${lessonContentDir}${slug}/${locale}.md`, "utf8"), slug);
  return [...body.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? "");
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
  dir = await mkdtemp(join(tmpdir(), "lesson-snippets-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(lessonSlugs)("examples of %s", (slug) => {
  it("import tfjs the way submissions do, and run without errors", async () => {
    const blocks = tsBlocks(slug, "en");
    expect(blocks.length).toBeGreaterThan(0);
    expect(blocks[0]).toContain(IMPORT_LINE);
    // Each lesson's examples share one module scope in the page; run them the same way, in order,
    // with `tf` passed in instead of imported (the import is the only line removed).
    const body = blocks.map((b, i) => `{ // example ${i + 1}\n${b.replace(IMPORT_LINE, "")}\n}`).join("\n");
    const file = join(dir, `${slug}.ts`);
    await writeFile(file, `export default async function run(tf: any): Promise<void> {\n${body}\n}\n`);
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
      default: (t: typeof tf) => Promise<void>;
    };
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await mod.default(tf);
    } finally {
      log.mockRestore();
    }
  });

  it("has the same code in the Chinese translation", () => {
    expect(tsBlocks(slug, "zh-CN").map(withoutComments)).toEqual(tsBlocks(slug, "en").map(withoutComments));
  });
});
