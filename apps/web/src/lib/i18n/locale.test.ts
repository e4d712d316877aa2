import { describe, expect, it } from "vitest";
import { fromAcceptLanguage, matchLocaleTag, negotiateLocale } from "./locale.ts";

describe("locale negotiation", () => {
  it("prefers the cookie over everything else", () => {
    expect(negotiateLocale({ cookie: "zh-CN", userLocale: "en", acceptLanguage: "en" })).toBe("zh-CN");
    expect(negotiateLocale({ cookie: "en", userLocale: "zh-CN", acceptLanguage: "zh-CN" })).toBe("en");
  });

  it("ignores an unsupported cookie value and falls back to the user's saved locale", () => {
    expect(negotiateLocale({ cookie: "fr", userLocale: "zh-CN", acceptLanguage: "en" })).toBe("zh-CN");
  });

  it("uses Accept-Language when there is no cookie and no user", () => {
    expect(negotiateLocale({ acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8" })).toBe("zh-CN");
    expect(negotiateLocale({ acceptLanguage: "fr-FR, en-GB;q=0.7" })).toBe("en");
  });

  it("defaults to English", () => {
    expect(negotiateLocale({})).toBe("en");
    expect(negotiateLocale({ acceptLanguage: "fr, de;q=0.5" })).toBe("en");
  });

  it("honours q-values rather than order", () => {
    expect(fromAcceptLanguage("en;q=0.3, zh;q=0.9")).toBe("zh-CN");
    expect(fromAcceptLanguage("zh;q=0, en")).toBe("en");
  });

  it("maps Chinese tags to Simplified Chinese but not Traditional", () => {
    expect(matchLocaleTag("zh")).toBe("zh-CN");
    expect(matchLocaleTag("zh-Hans-CN")).toBe("zh-CN");
    expect(matchLocaleTag("zh-SG")).toBe("zh-CN");
    expect(matchLocaleTag("zh-TW")).toBeNull();
    expect(matchLocaleTag("zh-Hant")).toBeNull();
    expect(fromAcceptLanguage("zh-TW, en;q=0.5")).toBe("en");
  });

  it("survives malformed headers", () => {
    expect(fromAcceptLanguage(";;;,q=abc")).toBeNull();
    expect(fromAcceptLanguage("")).toBeNull();
  });
});
