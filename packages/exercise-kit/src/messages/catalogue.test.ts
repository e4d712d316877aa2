import { compareTensors } from "@course/model-kit";
import { describe, expect, it } from "vitest";
import { comparisonFeedback, describeComparison } from "../feedback.ts";
import { catalogue, type FeedbackKey } from "./catalogue.ts";
import { FeedbackPartSchema, fb, parseFeedback, renderFeedback, renderPart, type FeedbackPart } from "./feedback.ts";

const CJK = /[\u4e00-\u9fff]/;
const err = { name: "TypeError", message: "x.foo is not a function", line: 7, column: 12 };

/**
 * One example of every key with the English the grader wrote before the catalogue existed (the
 * `grade` CLI contract keeps these strings). Typed as a record over every key: a new key without
 * an example here does not compile.
 */
const examples: Record<FeedbackKey, { part: FeedbackPart; en: string }> = {
  "compare.malformed": {
    part: fb("compare.malformed", { error: "values has 3 entries but shape [2, 2] needs 4", expected: [2, 2] }),
    en: "Your output is not a well-formed tensor (values has 3 entries but shape [2, 2] needs 4); wanted shape [2, 2].",
  },
  "compare.shape": { part: fb("compare.shape", { actual: [2, 3], expected: [3, 2] }), en: "Shape mismatch: got [2, 3], wanted [3, 2]." },
  "compare.nonfinite": {
    part: fb("compare.nonfinite", { nan: 2, inf: 1, index: [0, 1] }),
    en: "Your output contains 2 NaN and 1 Inf where finite values were expected, first at index [0, 1].",
  },
  "compare.values": {
    part: fb("compare.values", { bad: 2, n: 6, atol: "1.000e-4", rtol: "1.000e-4", index: [0, 2], maxAbs: "0.2500", maxRel: "0.1111" }),
    en: "2 of 6 elements differ beyond the tolerance (atol 1.000e-4, rtol 1.000e-4), first at index [0, 2]; max abs error 0.2500, max rel error 0.1111.",
  },
  "compare.sideBySide": {
    part: fb("compare.sideBySide", { items: [{ index: [0, 1], expected: "0.5000", actual: "0.2500" }, { index: [1, 0], expected: "-1.000", actual: "NaN" }] }),
    en: "First mismatches (expected vs yours): [0, 1] 0.5000 vs 0.2500; [1, 0] -1.000 vs NaN.",
  },
  "compare.ok": { part: fb("compare.ok", { n: 1, maxAbs: "0" }), en: "All 1 element match within the tolerance (max abs error 0)." },
  "compare.okHidden": { part: fb("compare.okHidden", { n: 12 }), en: "All 12 elements match within the tolerance." },
  "compare.valuesHidden": {
    part: fb("compare.valuesHidden", { bad: 1, n: 1, index: [], maxAbs: "1e-2", maxRel: "1e0" }),
    en: "1 of 1 element differ beyond the tolerance, first at the scalar; max abs error on the order of 1e-2, max rel error on the order of 1e0.",
  },
  "wire.wantTensor": {
    part: fb("wire.wantTensor", { dtype: "float32", shape: [2, 3], got: { t: "array", length: 2 } }),
    en: "wanted a float32 tensor of shape [2, 3], got an array of 2.",
  },
  "wire.wantDtype": { part: fb("wire.wantDtype", { dtype: "float32", got: "bool" }), en: "wanted a float32 tensor, got a bool tensor." },
  "wire.wantNumber": { part: fb("wire.wantNumber", { got: { t: "string" } }), en: "wanted a number (or a scalar tensor), got a string." },
  "wire.wantNumbers": { part: fb("wire.wantNumbers", { n: 3, got: { t: "object" } }), en: "wanted an array of 3 numbers, got an object." },
  "wire.wantNumberItem": {
    part: fb("wire.wantNumberItem", { got: { t: "tensor", dtype: "int32", shape: [2] } }),
    en: "wanted an array of numbers, got an item that is a int32 tensor of shape [2].",
  },
  "wire.wantArray": { part: fb("wire.wantArray", { n: 2, got: { t: "null" } }), en: "wanted an array of 2, got null." },
  "wire.arrayLength": { part: fb("wire.arrayLength", { n: 3, got: 2 }), en: "wanted an array of 3 items, got 2." },
  "wire.allItemsMatch": { part: fb("wire.allItemsMatch", { n: 3 }), en: "all 3 items match." },
  "wire.wantObject": {
    part: fb("wire.wantObject", { keys: ["dx", "dw", "db"], got: { t: "undefined" } }),
    en: "wanted an object with dx, dw, db, got undefined.",
  },
  "wire.missing": { part: fb("wire.missing", {}, "db"), en: "db: missing from your result." },
  "wire.allFieldsMatch": { part: fb("wire.allFieldsMatch", {}), en: "all fields match." },
  "wire.matches": { part: fb("wire.matches", {}, "flag"), en: "flag: matches." },
  "wire.wantKind": { part: fb("wire.wantKind", { want: { t: "boolean" }, got: { t: "number" } }), en: "wanted a boolean, got a number." },
  "wire.gotWanted": { part: fb("wire.gotWanted", { got: "false", want: "true" }, "isNewObject"), en: "isNewObject: got false, wanted true." },
  "wire.wrongValue": { part: fb("wire.wrongValue", {}), en: "wrong value." },
  "case.noExpected": { part: fb("case.noExpected", {}), en: "This case has no expected value." },
  "case.badDefinition": { part: fb("case.badDefinition", {}), en: "Test definition error: expected one value per call." },
  "case.allOutputsMatch": { part: fb("case.allOutputsMatch", {}), en: "All outputs match." },
  "case.uncheckable": { part: fb("case.uncheckable", { error: "boom" }), en: "Your output could not be checked: boom" },
  "case.threw": { part: fb("case.threw", { call: "denseForward", error: err }), en: "denseForward threw TypeError: x.foo is not a function (line 7, column 12)" },
  "case.outputError": {
    part: fb("case.outputError", { error: { name: "OutputError", message: "Your return value is a function; return tensors, numbers or plain objects/arrays of them." } }),
    en: "OutputError: Your return value is a function; return tensors, numbers or plain objects/arrays of them.",
  },
  "case.threwAsRequired": { part: fb("case.threwAsRequired", { call: "kFoldIndices", name: "RangeError" }), en: "kFoldIndices threw a RangeError as required." },
  "case.threwWrong": {
    part: fb("case.threwWrong", { call: "kFoldIndices", name: "RangeError", error: { name: "Error", message: "bad k", line: 40, compiled: true } }),
    en: "kFoldIndices should throw a RangeError; it threw Error: bad k (compiled line 40)",
  },
  "case.returnedNormally": { part: fb("case.returnedNormally", { name: "RangeError" }), en: "The call should throw a RangeError, but it returned normally." },
  "notRun.timeout": { part: fb("notRun.timeout", {}), en: "Not run: the time limit was reached before this test." },
  "notRun.memory": { part: fb("notRun.memory", {}), en: "Not run: the memory limit was reached before this test." },
  "notRun.crashed": { part: fb("notRun.crashed", {}), en: "Not run: the sandbox crashed before this test." },
  "notRun.timeoutEarlier": { part: fb("notRun.timeoutEarlier", {}), en: "Not run: the time limit was reached in an earlier test." },
  "notRun.memoryEarlier": { part: fb("notRun.memoryEarlier", {}), en: "Not run: the memory limit was reached in an earlier test." },
  "notRun.noResult": { part: fb("notRun.noResult", {}), en: "Not run: no result for this test." },
  "notRun.rejected": { part: fb("notRun.rejected", {}), en: "Not run: the submission was rejected." },
  "notRun.compileError": { part: fb("notRun.compileError", {}), en: "Not run: the submission did not compile." },
  "compile.importNotAllowed": {
    part: fb("compile.importNotAllowed", { path: "lodash" }),
    en: 'Import of "lodash" is not allowed: a submission may import only "@tensorflow/tfjs".',
  },
  "compile.staticImportOnly": {
    part: fb("compile.staticImportOnly", { how: "dynamic" }),
    en: 'Only a static import of "@tensorflow/tfjs" is allowed (found dynamic import()).',
  },
  "compile.tooLong": { part: fb("compile.tooLong", { length: 300001, max: 200000 }), en: "The submission is 300001 characters long; the limit is 200000." },
  "submission.rejected": {
    part: fb("submission.rejected", {
      errors: [
        { line: 1, column: 15, message: 'Import of "fs" is not allowed: a submission may import only "@tensorflow/tfjs".', reason: { key: "compile.importNotAllowed", params: { path: "fs" } } },
        { line: 2, column: 1, message: 'Only a static import of "@tensorflow/tfjs" is allowed (found require()).', reason: { key: "compile.staticImportOnly", params: { how: "require" } } },
      ],
    }),
    en:
      'Submission rejected. line 1, column 15: Import of "fs" is not allowed: a submission may import only "@tensorflow/tfjs".\n' +
      'line 2, column 1: Only a static import of "@tensorflow/tfjs" is allowed (found require()).',
  },
  "submission.compileError": {
    part: fb("submission.compileError", { errors: [{ line: 3, column: 20, message: "Expected identifier but found end of file" }] }),
    en: "Your code did not compile. line 3, column 20: Expected identifier but found end of file",
  },
  "submission.unreadable": { part: fb("submission.unreadable", { issue: "Invalid input" }), en: "The sandbox returned results that could not be read: Invalid input" },
  "submission.loadFailed": {
    part: fb("submission.loadFailed", { error: { name: "Error", message: "boom at load", line: 1, column: 7 } }),
    en: "Your module threw while loading: Error: boom at load (line 1, column 7)",
  },
  "sandbox.timeout": {
    part: fb("sandbox.timeout", { detail: "time limit of 10000 ms exceeded (sandbox killed)" }),
    en: "Your code ran out of time (time limit of 10000 ms exceeded (sandbox killed)).",
  },
  "sandbox.memory": { part: fb("sandbox.memory", {}), en: "Your code used more memory than allowed." },
  "sandbox.crashed": { part: fb("sandbox.crashed", { detail: "SIGSEGV" }), en: "The sandbox running your code stopped unexpectedly (SIGSEGV)." },
  "stopped.inCall": {
    part: fb("stopped.inCall", { limit: { kind: "time", amount: 700 }, call: "denseForward", test: "random sizes", testZh: "随机尺寸" }),
    en: "Time limit exceeded while running `denseForward` for test 'random sizes' (700 ms limit).",
  },
  "stopped.loading": {
    part: fb("stopped.loading", { limit: { kind: "time", amount: 700 } }),
    en: "Time limit exceeded before your module finished loading: its top-level code was still running (700 ms limit).",
  },
  "diagnosis.hint": {
    part: fb("diagnosis.hint", { mutant: "no-bias", en: "Your output leaves out the bias.", "zh-CN": "你的输出漏掉了偏置。" }),
    en: "Your output leaves out the bias.",
  },
  "diagnosis.transposed": {
    part: fb("diagnosis.transposed", {}),
    en: "Your values are the expected ones with two axes swapped (transposed): check the order of a matrix product, or a transpose that is missing or extra.",
  },
  "diagnosis.reshapeNotTranspose": {
    part: fb("diagnosis.reshapeNotTranspose", {}),
    en: "Your output has the right shape and the right values, but in the wrong arrangement: they are the expected values with two axes swapped, then reshaped. A reshape keeps the order of the elements; to move an axis you need a transpose.",
  },
  "diagnosis.wrongShape": {
    part: fb("diagnosis.wrongShape", { actual: [1, 3], expected: [3] }, "db"),
    en: "db: Your values are right, but in the shape [1, 3] instead of [3]: check a reshape, a kept dimension or a squeeze.",
  },
  "diagnosis.reducedAxis": {
    part: fb("diagnosis.reducedAxis", { axis: 1, wanted: 0 }),
    en: "Your output has the shape of a reduction of an input over axis 1; the expected result reduces over axis 0: check the axis of your sum, mean or maximum.",
  },
  "diagnosis.normalisedAxis": {
    part: fb("diagnosis.normalisedAxis", { axis: 0, wanted: 1 }),
    en: "Your values sum to 1 along axis 0; the expected ones sum to 1 along axis 1: normalise along the other axis.",
  },
  "diagnosis.scaled": {
    part: fb("diagnosis.scaled", { factor: { kind: "invSqrtDim", n: 8 } }),
    en: "Your output is the expected one multiplied by 1/√8 (one over the square root of a size of the inputs): look for a scaling by the square root of a dimension that is missing, extra or taken of the wrong size.",
  },
  "diagnosis.signFlipped": {
    part: fb("diagnosis.signFlipped", {}),
    en: "Your output is the expected one with the sign flipped: check the sign of a difference, a gradient or an update.",
  },
  "diagnosis.offset": {
    part: fb("diagnosis.offset", { along: "column" }),
    en: "Your output differs from the expected one by an amount that is the same down each column but changes from column to column: a term added per feature (such as a bias) is missing, extra or wrong.",
  },
  "diagnosis.firstRowOnly": {
    part: fb("diagnosis.firstRowOnly", {}),
    en: "Only the first row (the first example) of your output is right; every other row is wrong: check that each example is computed from its own input.",
  },
  "diagnosis.nonFinite": {
    part: fb("diagnosis.nonFinite", { tests: 2, first: "large logits", firstZh: "大 logit", inputs: "large" }),
    en: "NaN or Inf appear in your output in 2 tests, first in 'large logits', only on inputs of large magnitude (hundreds or more): look for an exponential that overflows or a huge number divided by another.",
  },
  text: { part: fb("text", { en: "fit lowered the loss.", "zh-CN": "fit 降低了损失。" }), en: "fit lowered the loss." },
  untranslated: { part: fb("untranslated", { text: "Something only in English." }), en: "Something only in English." },
};

describe("feedback catalogue", () => {
  it("has an example for every key, and every key renders in English exactly as before", () => {
    expect(Object.keys(examples).sort()).toEqual(Object.keys(catalogue).sort());
    for (const [key, { part, en }] of Object.entries(examples)) {
      expect(part.key, key).toBe(key);
      expect(renderPart(part, "en"), key).toBe(en);
    }
  });

  it("renders every key in Simplified Chinese (untranslated text stays English by design)", () => {
    for (const [key, { part, en }] of Object.entries(examples)) {
      const zh = renderPart(part, "zh-CN");
      expect(zh.length, key).toBeGreaterThan(0);
      if (key === "untranslated") expect(zh).toBe(en);
      else expect(zh, key).toMatch(CJK);
    }
  });

  it("round-trips every example through JSON and the schema", () => {
    for (const { part } of Object.values(examples)) {
      expect(FeedbackPartSchema.parse(JSON.parse(JSON.stringify(part)))).toEqual(part);
    }
  });

  it("keeps the student's exception text as thrown and translates only our framing", () => {
    const zh = renderPart(examples["case.threw"].part, "zh-CN");
    expect(zh).toBe("denseForward 抛出了 TypeError: x.foo is not a function（第 7 行，第 12 列）");
    expect(renderPart(examples["case.threwWrong"].part, "zh-CN")).toBe("kFoldIndices 应当抛出 RangeError，实际抛出的是 Error: bad k（编译后代码第 40 行）");
    expect(renderPart(examples["submission.rejected"].part, "zh-CN")).toBe(
      '提交被拒绝。第 1 行，第 15 列：不允许导入 "fs"：提交的代码只能导入 "@tensorflow/tfjs"。\n第 2 行，第 1 列：只允许用静态 import 导入 "@tensorflow/tfjs"（检测到：require()）。',
    );
    expect(renderPart(examples["submission.compileError"].part, "zh-CN")).toBe("你的代码无法编译。第 3 行，第 20 列：Expected identifier but found end of file");
  });

  it("names the limit, the call and the test where the sandbox stopped a submission, in both languages", () => {
    expect(renderPart(examples["stopped.inCall"].part, "zh-CN")).toBe("运行测试“随机尺寸”中的 `denseForward` 时超出了时间限制（上限 700 毫秒）。");
    const memory = fb("stopped.inCall", { limit: { kind: "memory", amount: 256 }, call: "the test harness", test: "fit lowers the loss" });
    expect(renderPart(memory, "en")).toBe("Memory limit exceeded while running the test harness for test 'fit lowers the loss' (256 MB limit).");
    // Without a translated name the English one is kept.
    expect(renderPart(memory, "zh-CN")).toBe("运行测试“fit lowers the loss”中的测试框架代码时超出了内存限制（上限 256 MB）。");
    const unknownSize = fb("stopped.inCall", { limit: { kind: "time" }, call: "softmax", test: "t" });
    expect(renderPart(unknownSize, "en")).toBe("Time limit exceeded while running `softmax` for test 't'.");
    expect(renderPart(examples["stopped.loading"].part, "zh-CN")).toBe("你的模块在加载完成之前超出了时间限制：顶层代码仍在运行（上限 700 毫秒）。");
    const loadMemory = fb("stopped.loading", { limit: { kind: "memory", amount: 128 } });
    expect(renderPart(loadMemory, "en")).toBe("Memory limit exceeded before your module finished loading (128 MB limit).");
    expect(renderPart(loadMemory, "zh-CN")).toBe("你的模块在加载完成之前超出了内存限制（上限 128 MB）。");
    expect(renderPart(examples["notRun.timeoutEarlier"].part, "zh-CN")).toBe("未运行：在之前的测试中已达到时间限制。");
  });

  it("translates the harness label and joins parts without stray spaces in Chinese", () => {
    const feedback = [
      fb("compare.shape", { actual: [2], expected: [3] }, "the test harness #1.loss"),
      fb("compare.nonfinite", { nan: 0, inf: 3, index: [2, 0] }, "dLogits"),
      fb("case.threw", { call: "the test harness", error: { name: "Error", message: "no" } }),
      fb("wire.missing", {}, "db"),
    ];
    expect(renderFeedback(feedback, "en")).toBe(
      "the test harness #1.loss: Shape mismatch: got [2], wanted [3]. dLogits: Your output contains 3 Inf where finite values were expected, first at index [2, 0]. " +
        "the test harness threw Error: no db: missing from your result.",
    );
    expect(renderFeedback(feedback, "zh-CN")).toBe(
      "测试框架代码 #1.loss：形状不匹配：得到 [2]，应为 [3]。dLogits：你的输出在应为有限值的位置出现了 3 个 Inf，第一个出现在索引 [2, 0] 处。" +
        "测试框架代码 抛出了 Error: no db：你的结果中缺少这一项。",
    );
  });

  it("refuses unknown keys, wrong parameters and exact numbers where only a power of ten may go", () => {
    expect(parseFeedback([{ key: "no.such.key", params: {} }])).toBeUndefined();
    expect(parseFeedback([{ key: "compare.shape", params: { actual: "2x3", expected: [3, 2] } }])).toBeUndefined();
    expect(parseFeedback([{ key: "compare.valuesHidden", params: { bad: 1, n: 1, maxAbs: "0.01234", maxRel: "1e0" } }])).toBeUndefined();
    expect(parseFeedback("not feedback")).toBeUndefined();
    expect(parseFeedback([examples["compare.valuesHidden"].part])).toEqual([examples["compare.valuesHidden"].part]);
  });
});

describe("comparisonFeedback", () => {
  const cases: [string, Parameters<typeof compareTensors>][] = [
    ["ok", [{ shape: [2, 2], values: [1, 2, 3, 4.0002] }, { shape: [2, 2], values: [1, 2, 3, 4] }]],
    ["ok scalar", [0.5, 0.5]],
    ["shape", [{ shape: [2, 3], values: [1, 2, 3, 4, 5, 6] }, { shape: [3, 2], values: [1, 2, 3, 4, 5, 6] }]],
    ["malformed", [{ shape: [2, 2], values: [1, 2, 3] }, { shape: [2, 2], values: [1, 2, 3, 4] }]],
    ["nonfinite", [{ shape: [4], values: [1, NaN, Infinity, NaN] }, { shape: [4], values: [1, 2, 3, 4] }]],
    ["values", [{ shape: [2, 3], values: [0.123456, 7.654321, -3.0, 9.87654, 5.5, 2.0] }, { shape: [2, 3], values: [0.123456, 7.654321, -3.217, 9.87654, 5.5, 2.25] }]],
    ["values, big error", [{ shape: [3], values: [1e6, 0, 3] }, { shape: [3], values: [0, 1e-7, 3] }, { atol: 0.5, rtol: 0 }]],
    ["non-finite expected", [{ shape: [3], values: [NaN, -Infinity, -Infinity] }, { shape: [3], values: [NaN, Infinity, -Infinity] }]],
    ["values, expected zeros", [{ shape: [2, 2], values: [0, 0.5, 0, -0.25] }, { shape: [2, 2], values: [0, 0, 0, 0] }]],
    ["values, one expected zero", [{ shape: [2], values: [0.5, 2] }, { shape: [2], values: [0, 2] }]],
    ["values, some expected zeros", [{ shape: [4], values: [0.5, 2.5, -1, 3] }, { shape: [4], values: [0, 2, 0, 3] }]],
  ];

  it.each(cases)("public form renders exactly compareTensors' message (%s)", (_name, args) => {
    const c = compareTensors(...args);
    expect(renderPart(comparisonFeedback(c, true), "en")).toBe(c.message);
    expect(describeComparison(c, true)).toBe(c.message);
  });

  it("hidden form never stores an error size or value, only powers of ten", () => {
    const expected = { shape: [2, 3], values: [0.123456, 7.654321, -3.217, 9.87654, 5.5, 2.25] };
    const c = compareTensors({ shape: [2, 3], values: expected.values.map((v) => v + 0.3719) }, expected);
    const part = comparisonFeedback(c, false, "dx");
    const json = JSON.stringify(part);
    expect(part).toEqual(fb("compare.valuesHidden", { bad: 6, n: 6, index: [0, 0], maxAbs: "1e-1", maxRel: "1e0" }, "dx"));
    for (const v of [...expected.values, c.maxAbsError!, c.maxRelError!]) {
      expect(json).not.toContain(String(v));
      expect(json).not.toContain(v.toPrecision(4));
    }
    expect(renderPart(part, "zh-CN")).toBe("dx：6 个元素中有 6 个超出容差，第一个不匹配的位置在索引 [0, 0] 处；最大绝对误差的数量级为 1e-1，最大相对误差的数量级为 1e0。");
  });

  it("reports no relative error where the expected value is 0, in both languages", () => {
    const zeros = compareTensors({ shape: [2, 2], values: [0, 0.5, 0, -0.25] }, { shape: [2, 2], values: [0, 0, 0, 0] });
    const pub = comparisonFeedback(zeros, true);
    expect(pub.params).not.toHaveProperty("maxRel");
    expect(renderPart(pub, "en")).toBe(
      "2 of 4 elements differ beyond the tolerance (atol 1.000e-4, rtol 1.000e-4), first at index [0, 1]; max abs error 0.5000; relative error undefined (the expected value is 0 at those elements).",
    );
    expect(renderPart(pub, "zh-CN")).toBe(
      "4 个元素中有 2 个超出容差（atol 1.000e-4，rtol 1.000e-4），第一个不匹配的位置在索引 [0, 1] 处；最大绝对误差 0.5000；相对误差无定义（这些位置的期望值为 0）。",
    );
    // Hidden: only the absolute error, as a power of ten, and no word about expected values.
    const hid = comparisonFeedback(zeros, false);
    expect(hid).toEqual(fb("compare.valuesHidden", { bad: 2, n: 4, index: [0, 1], maxAbs: "1e-1" }));
    expect(renderPart(hid, "en")).toBe("2 of 4 elements differ beyond the tolerance, first at index [0, 1]; max abs error on the order of 1e-1.");
    expect(renderPart(hid, "zh-CN")).toBe("4 个元素中有 2 个超出容差，第一个不匹配的位置在索引 [0, 1] 处；最大绝对误差的数量级为 1e-1。");

    const mixed = compareTensors({ shape: [4], values: [0.5, 2.5, -1, 3] }, { shape: [4], values: [0, 2, 0, 3] });
    const mixedPub = comparisonFeedback(mixed, true, "dx");
    expect(renderPart(mixedPub, "en")).toBe(
      "dx: 3 of 4 elements differ beyond the tolerance (atol 1.000e-4, rtol 1.000e-4), first at index [0]; max abs error 1.000, max rel error 0.2500 (undefined at 2 elements whose expected value is 0).",
    );
    expect(renderPart(mixedPub, "zh-CN")).toBe(
      "dx：4 个元素中有 3 个超出容差（atol 1.000e-4，rtol 1.000e-4），第一个不匹配的位置在索引 [0] 处；最大绝对误差 1.000，最大相对误差 0.2500（其中 2 个元素的期望值为 0，相对误差无定义）。",
    );
    const mixedHid = comparisonFeedback(mixed, false);
    expect(renderPart(mixedHid, "en")).toBe(
      "3 of 4 elements differ beyond the tolerance, first at index [0]; max abs error on the order of 1e0, max rel error (where defined) on the order of 1e-1.",
    );
    expect(renderPart(mixedHid, "zh-CN")).toBe(
      "4 个元素中有 3 个超出容差，第一个不匹配的位置在索引 [0] 处；最大绝对误差的数量级为 1e0，最大相对误差（在有定义的位置）的数量级为 1e-1。",
    );
    // The hidden forms still refuse anything finer than a power of ten.
    expect(parseFeedback([{ key: "compare.valuesHidden", params: { bad: 1, n: 1, maxAbs: "0.5000" } }])).toBeUndefined();
    for (const part of [pub, hid, mixedPub, mixedHid]) expect(FeedbackPartSchema.parse(JSON.parse(JSON.stringify(part)))).toEqual(part);
  });

  it("renders feedback stored before relative errors could be undefined exactly as before", () => {
    const stored = { key: "compare.values", params: { bad: 2, n: 6, atol: "1.000e-4", rtol: "1.000e-4", index: [0, 2], maxAbs: "0.2500", maxRel: "0.1111" } };
    expect(renderFeedback(parseFeedback([stored])!, "en")).toBe(examples["compare.values"].en);
  });

  it("a passing hidden case shows no numbers in either language", () => {
    const part = comparisonFeedback(compareTensors(1.00001, 1), false);
    expect(renderPart(part, "en")).toBe("All 1 element match within the tolerance.");
    expect(renderPart(part, "zh-CN")).toBe("全部 1 个元素都在容差范围内。");
  });
});
