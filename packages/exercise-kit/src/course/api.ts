/**
 * What `@course/exercise-kit` is inside the author sandbox: the test-writing API an exercise's
 * tests.ts imports (and nothing that needs Node). The course-code bundler aliases the package to
 * this file, so course code gets the same functions it would get from the package.
 */
export { defineTests, randomCase, edgeCase, call, harness, isTestSuite, feedbackOf } from "../define-tests.ts";
export type { Call, CaseDef, CaseOptions, CheckContext, CheckFn, CheckResult, Hostify, ResolvedCase, SuiteDef, TestSuite } from "../define-tests.ts";
export { toWire, fromWire, wireToTensor } from "../wire.ts";
export type { Wire, WireTensor, WireDtype } from "../wire.ts";
export { compareWire } from "../compare-wire.ts";
export { DEFAULT_TOLERANCE } from "../manifest.ts";
export type { Tolerance } from "../manifest.ts";
export { fb, fromFeedback, localText, untranslated, renderFeedback, renderPart } from "../messages/feedback.ts";
export type { Feedback, FeedbackPart } from "../messages/feedback.ts";
export { allOf, requires, nonEmpty, shaped, intIn, numberIn, finite, indicesIn, valuesIn, windowFits } from "../domain.ts";
export type { DomainFn, DomainVerdict } from "../domain.ts";
