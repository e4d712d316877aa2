/**
 * Test case names in other languages. Case names are written in English in tests.ts (they seed
 * each case's Rng, so they never change for a translation); `tests.zh-CN.json` beside it maps
 * each English name to its Chinese. check-exercise fails when a case lacks one.
 */
import { z } from "zod";
import type { FeedbackLocale } from "./messages/catalogue.ts";

export const TEST_NAMES_FILE = { "zh-CN": "tests.zh-CN.json" } as const;

/** English case name → translated name. */
export const TestNameTranslationsSchema = z.record(z.string().min(1).max(500), z.string().trim().min(1).max(500));

export interface TestNames {
  "zh-CN": Record<string, string>;
}

/** A case's name in `locale` (the English name when there is no translation). */
export function localizeTestName(names: TestNames | undefined, name: string, locale: FeedbackLocale): string {
  if (locale === "en" || names === undefined) return name;
  return Object.hasOwn(names[locale], name) ? names[locale][name]! : name;
}

/** Case names with no translation, and translations of names no case has. */
export function testNameProblems(names: TestNames, caseNames: readonly string[]): { missing: string[]; unused: string[] } {
  const table = names["zh-CN"];
  const known = new Set(caseNames);
  return {
    missing: caseNames.filter((n) => !Object.hasOwn(table, n)),
    unused: Object.keys(table).filter((n) => !known.has(n)),
  };
}
