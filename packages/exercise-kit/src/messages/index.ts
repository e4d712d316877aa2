/** Grading feedback in more than one language (browser-safe: zod only). */
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
