import { describe, expect, it } from "vitest";
import { defineMessages, format, t, translator } from "./translate.ts";

const messages = defineMessages({
  en: { hello: "Hello, {name}!", count: "{n} lessons" },
  "zh-CN": { hello: "你好，{name}！", count: "{n} 节课" },
});

describe("translator", () => {
  it("picks the locale's string and fills placeholders", () => {
    expect(translator(messages, "zh-CN")("hello", { name: "Ada" })).toBe("你好，Ada！");
    expect(t("en", messages, "count", { n: 12 })).toBe("12 lessons");
  });

  it("leaves unknown placeholders visible", () => {
    expect(format("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});
