// Checks the real lesson files under content/: every lesson, both locales.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exercisesOfLesson, lessonSlugs } from "./catalog.ts";
import { parseLessonFile } from "./frontmatter.ts";
import { getLesson, lessonContentDir, listLessons } from "./loader.ts";
import { locales } from "./locale.ts";
import { renderMarkdownWithHeadings } from "./markdown.ts";

function source(slug: string, locale: string): string {
  return readFileSync(`${lessonContentDir}${slug}/${locale}.md`, "utf8");
}

const fenceLanguages = new Set(["ts", "js", "json", "bash"]);
/** Fences that are lesson blocks rather than code: demos, self-checks, expected outputs. */
const blockFences = new Set(["demo", "quiz", "output"]);

describe.each(lessonSlugs)("lesson %s", (slug) => {
  it.each(locales)("has a %s file with valid metadata and the exercises whose manifests name the lesson", (locale) => {
    const { meta } = parseLessonFile(source(slug, locale), slug);
    expect(meta.exerciseIds.length).toBeGreaterThan(0);
    expect(meta.exerciseIds).toEqual(exercisesOfLesson(slug));
  });

  it.each(locales)("renders its %s maths with KaTeX without errors", (locale) => {
    const { body } = parseLessonFile(source(slug, locale), slug);
    const { html } = renderMarkdownWithHeadings(body, { throwOnError: true });
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("katex-error");
    // A `$` left in the output usually means maths that was not recognised.
    const prose = html.replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<annotation[\s\S]*?<\/annotation>/g, "");
    expect(prose).not.toContain("$");
  });

  it.each(locales)("highlights every %s code fence and passes no raw HTML", (locale) => {
    const { body } = parseLessonFile(source(slug, locale), slug);
    const fences = [...body.matchAll(/^```(\S*)(?: \S+)?$/gm)].map((m) => m[1] ?? "");
    const openers = fences.filter((_, i) => i % 2 === 0).filter((lang) => !blockFences.has(lang));
    expect(openers.length, "at least one code example").toBeGreaterThan(0);
    for (const lang of openers) expect(fenceLanguages, `fence "${lang}"`).toContain(lang);
    const { html } = renderMarkdownWithHeadings(body);
    expect(html.match(/<pre class="code-block"><code class="hljs/g)?.length).toBe(openers.length);
    expect(html).not.toMatch(/<(?:script|iframe|img|style|div(?! class="math-display"))\b/);
    if (locale === "en") {
      const ts = openers.filter((l) => l === "ts").length;
      if (ts > 0) expect(body).toContain('import * as tf from "@tensorflow/tfjs"');
    }
  });

  it("has an English text of lesson length and a translation with the same structure", () => {
    const en = parseLessonFile(source(slug, "en"), slug).body;
    const zh = parseLessonFile(source(slug, "zh-CN"), slug).body;
    const words = en.replace(/```[\s\S]*?```/g, "").split(/\s+/).filter((w) => w !== "").length;
    expect(words).toBeGreaterThanOrEqual(900);
    expect(words).toBeLessThanOrEqual(1700);
    const hanzi = zh.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
    // A full translation has at least about one Chinese character per English word (measured ~1.1-1.4).
    expect(hanzi, "Chinese characters in the translation").toBeGreaterThanOrEqual(0.9 * words);
    const enHeadings = renderMarkdownWithHeadings(en).headings.map((h) => h.level);
    const zhHeadings = renderMarkdownWithHeadings(zh).headings.map((h) => h.level);
    expect(zhHeadings).toEqual(enHeadings);
    const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;
    expect(count(zh, /\$\$/g), "display maths blocks").toBe(count(en, /\$\$/g));
    expect(count(zh, /^```/gm), "code fences").toBe(count(en, /^```/gm));
  });

  it.each(locales)("ends with an %s exercises section naming its exercise ids", async (locale) => {
    const lesson = await getLesson(slug, locale);
    expect(lesson?.fallback).toBe(false);
    const last = lesson?.headings.at(-1);
    expect(last?.text).toBe(locale === "en" ? "Exercises" : "练习");
    const tail = lesson?.markdown.slice(lesson.markdown.lastIndexOf("\n## ")) ?? "";
    for (const id of exercisesOfLesson(slug)) expect(tail).toContain(`\`${id}\``);
  });
});

describe.each(lessonSlugs)("interactive blocks of %s", (slug) => {
  const blocksOf = async (locale: (typeof locales)[number]) => (await getLesson(slug, locale))?.segments.filter((s) => s.kind !== "html") ?? [];

  it("has three to five self-check questions, with the same ids and answers in both languages", async () => {
    const [en, zh] = await Promise.all([blocksOf("en"), blocksOf("zh-CN")]);
    const quizzes = (list: typeof en) => list.flatMap((s) => (s.kind === "quiz" ? [s.quiz] : []));
    const key = (q: ReturnType<typeof quizzes>[number]) =>
      q.kind === "choice" ? { id: q.id, options: q.options.length, correct: q.correct } : { id: q.id, answer: q.answer, tolerance: q.tolerance };
    expect(quizzes(en).length).toBeGreaterThanOrEqual(3);
    expect(quizzes(en).length).toBeLessThanOrEqual(5);
    expect(new Set(quizzes(en).map((q) => q.id)).size).toBe(quizzes(en).length);
    expect(quizzes(zh).map(key)).toEqual(quizzes(en).map(key));
    for (const s of [...en, ...zh]) {
      if (s.kind !== "quiz") continue;
      const html = [s.questionHtml, ...s.optionsHtml, s.explanationHtml].join("");
      expect(html, `maths of quiz ${s.quiz.id}`).not.toContain("katex-error");
      expect(html.replace(/<annotation[\s\S]*?<\/annotation>|<code>[\s\S]*?<\/code>/g, ""), `quiz ${s.quiz.id}`).not.toContain("$");
    }
  });

  it("embeds the same demos with the same parameters in both languages", async () => {
    const demos = async (locale: (typeof locales)[number]) => (await blocksOf(locale)).filter((s) => s.kind === "demo");
    expect(await demos("zh-CN")).toEqual(await demos("en"));
  });
});

describe("course listing", () => {
  it.each(locales)("lists all twelve lessons in order in %s", async (locale) => {
    const list = await listLessons(locale);
    expect(list.map((l) => l.slug)).toEqual([...lessonSlugs]);
    expect(list.map((l) => l.number)).toEqual(lessonSlugs.map((_, i) => i + 1));
    expect(list.every((l) => !l.fallback && l.locale === locale)).toBe(true);
  });
});
