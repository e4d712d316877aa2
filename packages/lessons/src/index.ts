export {
  catalog,
  exerciseById,
  exerciseIds,
  exercisesOfLesson,
  isExerciseId,
  lessonSlugs,
  type CatalogEntry,
  type ExerciseId,
  type LessonSlug,
} from "./catalog.ts";
export { LessonFormatError, LessonFrontMatterSchema, type LessonFrontMatter } from "./frontmatter.ts";
export { renderToc, slugify, type Heading } from "./headings.ts";
export {
  createLessonStore,
  getLesson,
  lessonContentDir,
  listLessons,
  warmLessons,
  type Lesson,
  type LessonStore,
  type LessonSummary,
} from "./loader.ts";
export { defaultLocale, isLocale, locales, type Locale } from "./locale.ts";
export { renderMarkdown, renderMarkdownWithHeadings, type RenderOptions, type RenderedMarkdown } from "./markdown.ts";
export { renderLesson, type RenderedLesson } from "./markdown.ts";
export { LessonBlockError, type LessonBlock, type LessonSegment } from "./blocks.ts";
export * from "./browser.ts";
