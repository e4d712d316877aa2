// Message catalogues and the translator. Each area owns one file in ./messages/ built with
// defineMessages(); zh-CN must have exactly en's keys (a missing key is a type error).
import type { Locale } from "./locale.ts";

export type Vars = Record<string, string | number>;

export interface Catalog<K extends string> {
  en: Record<K, string>;
  "zh-CN": Record<K, string>;
}

/** Declares one area's strings; the English object defines the keys. */
export function defineMessages<const E extends Record<string, string>>(catalog: {
  en: E;
  "zh-CN": { [K in keyof E]: string };
}): Catalog<Extract<keyof E, string>> {
  return catalog as Catalog<Extract<keyof E, string>>;
}

/** Replaces {name} placeholders; unknown placeholders are left visible so they get noticed. */
export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export type Translate<K extends string> = (key: K, vars?: Vars) => string;

/** A translator for one catalogue and locale: `const t = translator(messages, locale); t("key")`. */
export function translator<K extends string>(catalog: Catalog<K>, locale: Locale): Translate<K> {
  const table = catalog[locale];
  return (key, vars) => format(table[key] ?? catalog.en[key] ?? key, vars);
}

/** One-off lookup: `t(locale, messages, "key", { n: 3 })`. */
export function t<K extends string>(locale: Locale, catalog: Catalog<K>, key: K, vars?: Vars): string {
  return translator(catalog, locale)(key, vars);
}
