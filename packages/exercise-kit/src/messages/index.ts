/**
 * Grading feedback in more than one language, and translated test case names. Safe anywhere
 * (zod only): `@course/exercise-kit/messages` can go into a client bundle.
 */
export { catalogue, FEEDBACK_LOCALES } from "./catalogue.ts";
export type { Catalogue, CompileReason, FeedbackKey, FeedbackLocale, FeedbackParams } from "./catalogue.ts";
export {
  FeedbackPartSchema,
  FeedbackSchema,
  fb,
  fromFeedback,
  hasUntranslated,
  isFeedbackLocale,
  localText,
  parseFeedback,
  renderFeedback,
  renderPart,
  untranslated,
} from "./feedback.ts";
export type { Feedback, FeedbackPart } from "./feedback.ts";
export { translateRealmText } from "./realm-text.ts";
export { localizeTestName, TestNameTranslationsSchema } from "../test-names.ts";
export type { TestNames } from "../test-names.ts";
