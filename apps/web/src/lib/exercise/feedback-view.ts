/**
 * Grading feedback in the viewer's language. The grader stores each message in English (the
 * `grade` CLI's wording) plus its structured form (exercise-kit's catalogue keys and parameters,
 * JSON text); test names are English in the exercise's tests.ts and translated in its
 * tests.zh-CN.json. English viewers get exactly what was stored; anything that cannot be rendered
 * (no structured form, an unknown key, a grade from before it existed) falls back to English.
 */
import { localizeTestName, parseFeedback, renderFeedback, type Feedback, type TestNames } from "@course/exercise-kit/messages";
import type { Locale } from "../i18n/locale.ts";

export interface FeedbackLocalizer {
  locale: Locale;
  /** The exercise's translated case names (none: names stay English). */
  testNames?: TestNames | undefined;
}

export const ENGLISH: FeedbackLocalizer = Object.freeze({ locale: "en" });

/** Stored JSON text → Feedback, or undefined when it is missing or not renderable. */
export function readStoredFeedback(json: string | null | undefined): Feedback | undefined {
  if (json === null || json === undefined || json === "") return undefined;
  try {
    return parseFeedback(JSON.parse(json));
  } catch {
    return undefined;
  }
}

/** A grading message in the viewer's language (the English message when it cannot be rendered). */
export function localizeMessage(message: string | null, feedback: Feedback | string | null | undefined, loc: FeedbackLocalizer): string | null {
  if (loc.locale === "en" || message === null) return message;
  const parsed = typeof feedback === "string" || feedback === null ? readStoredFeedback(feedback) : feedback;
  return parsed === undefined ? message : renderFeedback(parsed, loc.locale);
}

export function localizeName(name: string, loc: FeedbackLocalizer): string {
  return localizeTestName(loc.testNames, name, loc.locale);
}

/** One test's name and message as the viewer reads them. */
export function localizeTest<T extends { name: string; message: string | null }>(
  t: T,
  feedback: Feedback | string | null | undefined,
  loc: FeedbackLocalizer,
): T {
  return { ...t, name: localizeName(t.name, loc), message: localizeMessage(t.message, feedback, loc) };
}
