import { describe, expect, it } from "vitest";
import { DEFAULT_LOCALE, isLocale, LOCALES } from "./index.ts";

describe("locales", () => {
  it("lists English and Simplified Chinese, English first and the default", () => {
    expect(LOCALES).toEqual(["en", "zh-CN"]);
    expect(DEFAULT_LOCALE).toBe("en");
  });

  it("recognises only the listed locales", () => {
    expect(LOCALES.every((l) => isLocale(l))).toBe(true);
    for (const other of ["zh", "zh-TW", "EN", "", undefined, 1, null]) expect(isLocale(other)).toBe(false);
  });
});
