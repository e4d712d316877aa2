// Reads lessons from content/<slug>/<locale>.md, validates them and caches the rendered result.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { lessonSlugs, type ExerciseId, type LessonSlug } from "./catalog.ts";
import { parseLessonFile } from "./frontmatter.ts";
import type { Heading } from "./headings.ts";
import { defaultLocale, isLocale, locales, type Locale } from "./locale.ts";
import type { LessonSegment } from "./blocks.ts";
import { renderLesson } from "./markdown.ts";

/** Absolute path of the content folder shipped with this package (for outputFileTracingIncludes). */
export const lessonContentDir: string = fileURLToPath(new URL("../content/", import.meta.url));

export interface LessonSummary {
  readonly slug: LessonSlug;
  readonly number: number;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly exerciseIds: ExerciseId[];
  /** The locale the text is in (English when the requested translation is missing). */
  readonly locale: Locale;
  /** True when the requested translation is missing and English is shown instead. */
  readonly fallback: boolean;
}

export interface Lesson extends LessonSummary {
  readonly markdown: string;
  readonly html: string;
  readonly headings: Heading[];
  /** The body as prose and interactive blocks (demos, quizzes, runnable samples), in reading order. */
  readonly segments: LessonSegment[];
}

export interface LessonStore {
  listLessons(locale: Locale): Promise<LessonSummary[]>;
  getLesson(slug: string, locale: Locale): Promise<Lesson | null>;
  /**
   * Renders every lesson in every locale into the cache, one at a time, and resolves to how many
   * loaded. A lesson that fails to load is skipped (not cached: its readers get the error).
   */
  warm(): Promise<number>;
}

function isMissing(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

function isLessonSlug(slug: string): slug is LessonSlug {
  return (lessonSlugs as readonly string[]).includes(slug);
}

/**
 * A lesson store over a content folder laid out as `<dir>/<slug>/<locale>.md`.
 * Rendered lessons are cached in memory for the life of the store.
 */
export function createLessonStore(contentDir: string = lessonContentDir): LessonStore {
  const dir = contentDir.endsWith("/") ? contentDir : `${contentDir}/`;
  const cache = new Map<string, Promise<Lesson | null>>();

  /** `requested` is null for a locale outside the list (treated as a missing translation). */
  async function load(slug: LessonSlug, requested: Locale | null): Promise<Lesson | null> {
    const locale: Locale = requested ?? defaultLocale;
    let source = await readOptional(`${dir}${slug}/${locale}.md`);
    let shown = locale;
    if (source === null && locale !== defaultLocale) {
      source = await readOptional(`${dir}${slug}/${defaultLocale}.md`);
      shown = defaultLocale;
    }
    if (source === null) return null;
    const { meta, body } = parseLessonFile(source, slug);
    const { html, headings, segments } = renderLesson(body);
    return {
      slug,
      number: lessonSlugs.indexOf(slug) + 1,
      ...meta,
      locale: shown,
      fallback: shown !== requested,
      markdown: body,
      html,
      headings,
      segments,
    };
  }

  function getLesson(slug: string, locale: Locale): Promise<Lesson | null> {
    if (!isLessonSlug(slug)) return Promise.resolve(null);
    // The locale becomes part of a file name and a cache key: only listed locales are used as such.
    const known = isLocale(locale) ? locale : null;
    const key = `${known ?? "?"}\u0000${slug}`;
    let entry = cache.get(key);
    if (entry === undefined) {
      entry = load(slug, known);
      // A failed load is not cached, so a fixed file is picked up on the next request.
      entry.catch(() => cache.delete(key));
      cache.set(key, entry);
    }
    return entry;
  }

  async function listLessons(locale: Locale): Promise<LessonSummary[]> {
    const lessons = await Promise.all(lessonSlugs.map((slug) => getLesson(slug, locale)));
    return lessons
      .filter((l): l is Lesson => l !== null)
      .map(({ slug, number, title, summary, minutes, exerciseIds, locale: shown, fallback }) => ({
        slug,
        number,
        title,
        summary,
        minutes,
        exerciseIds,
        locale: shown,
        fallback,
      }));
  }

  async function warm(): Promise<number> {
    let loaded = 0;
    for (const locale of locales) {
      for (const slug of lessonSlugs) {
        // Rendering is synchronous (100-200 ms for a long lesson): yield between lessons so
        // requests that arrive meanwhile are not held up behind the whole course.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if ((await getLesson(slug, locale).catch(() => null)) !== null) loaded++;
      }
    }
    return loaded;
  }

  return { listLessons, getLesson, warm };
}

// One default store per server process. Next bundles this package into more than one server chunk
// (the pages, the start-up hook that warms the store), each with its own copy of this module:
// kept on globalThis, every copy reads and fills the same cache.
const holder = globalThis as typeof globalThis & { __courseLessonStore?: LessonStore };
const defaultStore: LessonStore = (holder.__courseLessonStore ??= createLessonStore());

/** All lessons available in `locale`, in course order (English text where a translation is missing). */
export function listLessons(locale: Locale): Promise<LessonSummary[]> {
  return defaultStore.listLessons(locale);
}

/**
 * Renders the whole course into the default store ahead of its readers (the web app calls it once
 * at start-up): a lesson's first reader otherwise waits for KaTeX and highlight.js on the server.
 */
export function warmLessons(): Promise<number> {
  return defaultStore.warm();
}

/** One lesson with its rendered HTML and headings, or null for an unknown slug. */
export function getLesson(slug: string, locale: Locale): Promise<Lesson | null> {
  return defaultStore.getLesson(slug, locale);
}
