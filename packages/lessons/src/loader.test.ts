import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LessonFormatError } from "./frontmatter.ts";
import { createLessonStore, getLesson, lessonContentDir, listLessons } from "./loader.ts";
import type { Locale } from "./locale.ts";

function lessonFile(title: string, body: string, extraMeta = ""): string {
  return `---\ntitle: ${title}\nsummary: About ${title}.\nminutes: 30\n${extraMeta}---\n${body}`;
}

describe("lesson store over a content folder", () => {
  let dir = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lessons-"));
    const write = async (slug: string, locale: string, text: string) => {
      await mkdir(join(dir, slug), { recursive: true });
      await writeFile(join(dir, slug, `${locale}.md`), text);
    };
    // Lesson 1 in both locales, lesson 4 in English only, lesson 7 with broken metadata (minutes twice).
    await write("01-tensors-and-the-neuron", "en", lessonFile("Neuron", "## Intro\n\nHello $x$."));
    await write("01-tensors-and-the-neuron", "zh-CN", lessonFile("神经元", "## 引言\n\n你好 $x$。"));
    await write("04-optimisers", "en", lessonFile("Optimisers", "## Adam\n\nText."));
    await write("07-attention", "en", lessonFile("Attention", "Text.", "minutes: 20\n"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("lists the lessons present, in course order, in the requested locale", async () => {
    const store = createLessonStore(dir);
    const en = await store.listLessons("en").catch((e: unknown) => e);
    // Lesson 7's metadata is invalid, so listing fails loudly rather than hiding a lesson.
    expect(en).toBeInstanceOf(LessonFormatError);

    await rm(join(dir, "07-attention"), { recursive: true });
    const fixed = createLessonStore(dir);
    const list = await fixed.listLessons("zh-CN");
    expect(list.map((l) => [l.number, l.slug, l.title, l.fallback])).toEqual([
      [1, "01-tensors-and-the-neuron", "神经元", false],
      [4, "04-optimisers", "Optimisers", true],
    ]);
    expect(list[1]).toMatchObject({ minutes: 30, exerciseIds: ["sgd-momentum", "adam"], locale: "en" });
  });

  it("returns a rendered lesson with headings", async () => {
    const lesson = await createLessonStore(dir).getLesson("01-tensors-and-the-neuron", "zh-CN");
    expect(lesson).toMatchObject({ title: "神经元", locale: "zh-CN", fallback: false, number: 1 });
    expect(lesson?.headings).toEqual([{ level: 2, text: "引言", id: "引言" }]);
    expect(lesson?.html).toContain('<h2 id="引言">');
    expect(lesson?.html).toContain("katex");
    expect(lesson?.markdown).toBe("## 引言\n\n你好 $x$。");
  });

  it("falls back to English when a translation is missing, and says so", async () => {
    const lesson = await createLessonStore(dir).getLesson("04-optimisers", "zh-CN");
    expect(lesson).toMatchObject({ title: "Optimisers", locale: "en", fallback: true });
    const en = await createLessonStore(dir).getLesson("04-optimisers", "en");
    expect(en).toMatchObject({ locale: "en", fallback: false });
  });

  it("treats a locale outside the list as a missing translation", async () => {
    const store = createLessonStore(dir);
    // Callers typed as Locale can still pass through unchecked input at run time.
    const lesson = await store.getLesson("01-tensors-and-the-neuron", "../../etc/x" as Locale);
    expect(lesson).toMatchObject({ title: "Neuron", locale: "en", fallback: true });
  });

  it("returns null for unknown slugs and for lessons with no file", async () => {
    const store = createLessonStore(dir);
    expect(await store.getLesson("99-nope", "en")).toBeNull();
    expect(await store.getLesson("../etc/passwd", "en")).toBeNull();
    expect(await store.getLesson("05-convolutional-networks", "zh-CN")).toBeNull();
  });

  it("caches rendered lessons in memory", async () => {
    const store = createLessonStore(dir);
    const first = await store.getLesson("04-optimisers", "en");
    await writeFile(join(dir, "04-optimisers", "en.md"), lessonFile("Changed", "New."));
    const second = await store.getLesson("04-optimisers", "en");
    expect(second).toBe(first);
    expect((await createLessonStore(dir).getLesson("04-optimisers", "en"))?.title).toBe("Changed");
  });
});

describe("warming a store", () => {
  let dir = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "lessons-warm-"));
    const write = async (slug: string, locale: string, text: string) => {
      await mkdir(join(dir, slug), { recursive: true });
      await writeFile(join(dir, slug, `${locale}.md`), text);
    };
    await write("01-tensors-and-the-neuron", "en", lessonFile("Neuron", "Hello $x$."));
    await write("01-tensors-and-the-neuron", "zh-CN", lessonFile("神经元", "你好 $x$。"));
    await write("04-optimisers", "en", lessonFile("Optimisers", "Text."));
    await write("07-attention", "en", lessonFile("Attention", "Text.", "minutes: 20\n"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("renders every lesson in every locale ahead of its readers, skipping one that fails to load", async () => {
    const store = createLessonStore(dir);
    // Lesson 1 in both locales, lesson 4 in English and as the Chinese fallback; lesson 7 is broken.
    expect(await store.warm()).toBe(4);
    await writeFile(join(dir, "01-tensors-and-the-neuron", "zh-CN.md"), lessonFile("改过", "新。"));
    expect((await store.getLesson("01-tensors-and-the-neuron", "zh-CN"))?.title).toBe("神经元");
    // The broken lesson was not cached: once fixed, its next reader gets it.
    await expect(store.getLesson("07-attention", "en")).rejects.toBeInstanceOf(LessonFormatError);
    await writeFile(join(dir, "07-attention", "en.md"), lessonFile("Attention", "Text."));
    expect((await store.getLesson("07-attention", "en"))?.title).toBe("Attention");
  });
});

describe("default store", () => {
  it("reads the package's own content folder", async () => {
    expect(lessonContentDir).toMatch(/packages\/lessons\/content\/$/);
    const lesson = await getLesson("01-tensors-and-the-neuron", "en");
    expect(lesson?.title).toBe("Tensors and the neuron");
    expect((await listLessons("en"))[0]?.slug).toBe("01-tensors-and-the-neuron");
    expect(await getLesson("unknown", "en")).toBeNull();
  });
});
