// Small presentational helpers of the staff assessment pages. Pure.
import type { Locale } from "../i18n/index.ts";
import { formatDateTime } from "../format.ts";
import { localized } from "./queries.ts";

/** A date as a datetime-local value in UTC ("2026-03-01T12:00"), or "" for none. */
export function utcInputValue(date: Date | null): string {
  return date ? date.toISOString().slice(0, 16) : "";
}

export function dateOrDash(date: Date | null, locale: Locale): string {
  return date ? formatDateTime(date, locale) : "—";
}

export function exerciseTitle(e: { title: string; titleZh: string | null }, locale: Locale): string {
  return localized(locale, e.title, e.titleZh);
}

/** The href of a course's staff pages. */
export function staffHref(slug: string, ...parts: string[]): string {
  return `/courses/${encodeURIComponent(slug)}/staff/${parts.map(encodeURIComponent).join("/")}`;
}
