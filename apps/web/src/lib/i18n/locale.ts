// Locale choice without the URL: the `locale` cookie, then the signed-in user's saved locale,
// then the browser's Accept-Language, then English. Pure functions: tested without a request.
// Client-safe: the locale list comes from @course/locales, which imports nothing.
import { DEFAULT_LOCALE as defaultLocale, isLocale, type Locale } from "@course/locales";

export { defaultLocale, isLocale, type Locale };
export { LOCALES as locales } from "@course/locales";
export const LOCALE_COOKIE = "locale";
/** One year, in seconds. */
export const LOCALE_COOKIE_MAX_AGE = 365 * 24 * 3600;

/** Maps a language tag (zh, zh-Hans, zh-CN, zh-SG, en-GB, …) to a supported locale, or null. */
export function matchLocaleTag(tag: string): Locale | null {
  const t = tag.trim().toLowerCase();
  if (t === "*" || t === "") return null;
  if (t.startsWith("zh")) {
    // Traditional-script Chinese is not Simplified Chinese: do not guess.
    if (/^zh-(hant|tw|hk|mo)\b/.test(t)) return null;
    return "zh-CN";
  }
  if (t === "en" || t.startsWith("en-")) return "en";
  return null;
}

/** The best supported locale for an Accept-Language header (q-values honoured), or null. */
export function fromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((e) => e.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const match = matchLocaleTag(entry.tag);
    if (match) return match;
  }
  return null;
}

export interface LocaleInputs {
  cookie?: string | null | undefined;
  userLocale?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
}

/** The locale to render: explicit cookie > saved user preference > browser > English. */
export function negotiateLocale({ cookie, userLocale, acceptLanguage }: LocaleInputs): Locale {
  if (isLocale(cookie)) return cookie;
  if (isLocale(userLocale)) return userLocale;
  return fromAcceptLanguage(acceptLanguage) ?? defaultLocale;
}
