// The supported locales have one home: @course/locales (re-exported under this package's names).
export { DEFAULT_LOCALE as defaultLocale, isLocale, LOCALES as locales, type Locale } from "@course/locales";
