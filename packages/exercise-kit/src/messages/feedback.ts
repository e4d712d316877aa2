/**
 * Structured feedback: a list of catalogue messages, each optionally labelled with what it is
 * about ("dLogits: …"), rendered in a locale. Producers build Feedback and derive the English
 * `message` from it, so the two never disagree.
 */
import { z } from "zod";
import { catalogue, FEEDBACK_LOCALES, type CatalogueEntry, type FeedbackKey, type FeedbackLocale, type FeedbackParams } from "./catalogue.ts";
import { zh } from "./params.ts";

export type FeedbackPart = { [K in FeedbackKey]: { key: K; params: FeedbackParams<K>; label?: string } }[FeedbackKey];
/** Parts are read one after another ("loss: … dLogits: …"). */
export type Feedback = FeedbackPart[];

const LABEL_MAX = 300;
const MAX_PARTS = 64;

export const FeedbackPartSchema: z.ZodType<FeedbackPart> = z.discriminatedUnion(
  "key",
  Object.entries(catalogue).map(([key, e]) => z.object({ key: z.literal(key), params: e.params, label: z.string().max(LABEL_MAX).optional() })) as unknown as [
    z.ZodObject<{ key: z.ZodLiteral<string> }>,
  ],
) as unknown as z.ZodType<FeedbackPart>;

export const FeedbackSchema: z.ZodType<Feedback> = z.array(FeedbackPartSchema).max(MAX_PARTS);

export function isFeedbackLocale(x: unknown): x is FeedbackLocale {
  return typeof x === "string" && (FEEDBACK_LOCALES as readonly string[]).includes(x);
}

/** One catalogue message. */
export function fb<K extends FeedbackKey>(key: K, params: FeedbackParams<K>, label?: string): FeedbackPart {
  const part = { key, params } as FeedbackPart;
  if (label !== undefined && label !== "") part.label = label;
  return part;
}

/** Text the exercise's author wrote in both languages (custom checks). */
export function localText(t: { en: string; "zh-CN": string }, label?: string): FeedbackPart {
  return fb("text", { en: t.en, "zh-CN": t["zh-CN"] }, label);
}

/** English-only text (kept as a fallback so nothing is lost; check-exercise flags it). */
export function untranslated(textEn: string): FeedbackPart {
  return fb("untranslated", { text: textEn });
}

export function renderPart(part: FeedbackPart, locale: FeedbackLocale): string {
  const e = catalogue[part.key] as CatalogueEntry<z.ZodType>;
  const body = e[locale](part.params);
  if (part.label === undefined) return body;
  return locale === "en" ? `${part.label}: ${body}` : `${zh.label(part.label)}：${body}`;
}

// Chinese sentences end in full-width punctuation and need no space before the next one.
const ZH_CLOSED = /[。！？；：）」』]$/;

/** The feedback as one text in `locale`; in English exactly the report's `message`. */
export function renderFeedback(feedback: Feedback, locale: FeedbackLocale): string {
  let out = "";
  for (const part of feedback) {
    const t = renderPart(part, locale);
    if (out === "") out = t;
    else out += (locale === "zh-CN" && ZH_CLOSED.test(out) ? "" : " ") + t;
  }
  return out;
}

/** Parse stored or received feedback; undefined when it is missing or not what we can render. */
export function parseFeedback(value: unknown): Feedback | undefined {
  const r = FeedbackSchema.safeParse(value);
  return r.success ? r.data : undefined;
}

/** A check result whose English message comes from its feedback. */
export function fromFeedback(pass: boolean, feedback: Feedback): { pass: boolean; message: string; feedback: Feedback } {
  return { pass, message: renderFeedback(feedback, "en"), feedback };
}

export function hasUntranslated(feedback: Feedback | undefined): boolean {
  return feedback !== undefined && feedback.some((p) => p.key === "untranslated");
}
