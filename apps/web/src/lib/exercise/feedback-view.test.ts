import { fb, renderFeedback } from "@course/exercise-kit/messages";
import { describe, expect, it } from "vitest";
import { ENGLISH, localizeMessage, localizeTest, readStoredFeedback } from "./feedback-view.ts";

const names = { "zh-CN": { "small batch (N=4, D=3, M=5)": "小批量（N=4，D=3，M=5）" } };
const zh = { locale: "zh-CN" as const, testNames: names };
const feedback = [fb("compare.valuesHidden", { bad: 2, n: 20, index: [1, 3], maxAbs: "1e-1", maxRel: "1e0" }, "dx")];
const message = renderFeedback(feedback, "en");

describe("grading feedback in the viewer's language", () => {
  it("shows English viewers exactly what the grader stored", () => {
    expect(localizeMessage("stored text", JSON.stringify(feedback), ENGLISH)).toBe("stored text");
    expect(localizeTest({ name: "small batch (N=4, D=3, M=5)", message }, JSON.stringify(feedback), { locale: "en", testNames: names })).toEqual({
      name: "small batch (N=4, D=3, M=5)",
      message,
    });
  });

  it("renders stored feedback and the case name in Chinese", () => {
    expect(localizeTest({ name: "small batch (N=4, D=3, M=5)", message, passed: false }, JSON.stringify(feedback), zh)).toEqual({
      name: "小批量（N=4，D=3，M=5）",
      passed: false,
      message: "dx：20 个元素中有 2 个超出容差，第一个不匹配的位置在索引 [1, 3] 处；最大绝对误差的数量级为 1e-1，最大相对误差的数量级为 1e0。",
    });
  });

  it("falls back to the English message and name when it cannot render", () => {
    for (const stored of [null, undefined, "", "{not json", JSON.stringify([{ key: "from.a.newer.grader", params: {} }]), JSON.stringify({ key: "notRun.timeout" })]) {
      expect(localizeMessage(message, stored, zh)).toBe(message);
    }
    expect(localizeTest({ name: "a case added later", message: null }, null, zh)).toEqual({ name: "a case added later", message: null });
    expect(localizeTest({ name: "small batch (N=4, D=3, M=5)", message: "x" }, null, { locale: "zh-CN" }).name).toBe("small batch (N=4, D=3, M=5)");
  });

  it("reads stored JSON with the catalogue's schema", () => {
    expect(readStoredFeedback(JSON.stringify(feedback))).toEqual(feedback);
    expect(readStoredFeedback(JSON.stringify([{ key: "compare.valuesHidden", params: { bad: 1, n: 1, maxAbs: "0.0123", maxRel: "1e0" } }]))).toBeUndefined();
  });
});
