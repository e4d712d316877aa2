/**
 * Every sentence grading shows a student, once: a key, the schema of its parameters, and its
 * English and Simplified Chinese rendering. A report's `message` is the English rendering (the
 * `grade` CLI contract keeps those strings byte for byte); the structured feedback next to it
 * lets the web app show the same sentence in the viewer's language.
 */
import { LOCALES, type Locale } from "@course/locales";
import { z } from "zod";
import {
  DtypeSchema,
  FactorSchema,
  KindSchema,
  LimitSchema,
  RealmErrorParamSchema,
  count,
  dims,
  en,
  fmtShape,
  rough,
  shown,
  text,
  zh,
} from "./params.ts";

/** Feedback is written in every supported locale (the list's home is @course/locales). */
export const FEEDBACK_LOCALES = LOCALES;
export type FeedbackLocale = Locale;

export interface CatalogueEntry<S extends z.ZodType> {
  params: S;
  en(p: z.output<S>): string;
  "zh-CN"(p: z.output<S>): string;
}

function entry<S extends z.ZodType>(params: S, enText: (p: z.output<S>) => string, zhText: (p: z.output<S>) => string): CatalogueEntry<S> {
  return { params, en: enText, "zh-CN": zhText };
}

const none = z.object({});
const fixed = (enText: string, zhText: string) => entry(none, () => enText, () => zhText);

const IMPORT = "@tensorflow/tfjs";
const HOW_EN = { dynamic: "dynamic import()", require: "require()", import: "import" } as const;
const HOW_ZH = { dynamic: "动态 import()", require: "require()", import: "import 语句" } as const;

/** Our own reasons for refusing a submission before it runs (compileSubmission). */
const compileEntries = {
  "compile.importNotAllowed": entry(
    z.object({ path: text(1000) }),
    (p) => `Import of "${p.path}" is not allowed: a submission may import only "${IMPORT}".`,
    (p) => `不允许导入 "${p.path}"：提交的代码只能导入 "${IMPORT}"。`,
  ),
  "compile.staticImportOnly": entry(
    z.object({ how: z.enum(["dynamic", "require", "import"]) }),
    (p) => `Only a static import of "${IMPORT}" is allowed (found ${HOW_EN[p.how]}).`,
    (p) => `只允许用静态 import 导入 "${IMPORT}"（检测到：${HOW_ZH[p.how]}）。`,
  ),
  "compile.tooLong": entry(
    z.object({ length: count, max: count }),
    (p) => `The submission is ${p.length} characters long; the limit is ${p.max}.`,
    (p) => `提交的代码有 ${p.length} 个字符，上限为 ${p.max} 个。`,
  ),
};

const compileReason = z.discriminatedUnion("key", [
  z.object({ key: z.literal("compile.importNotAllowed"), params: compileEntries["compile.importNotAllowed"].params }),
  z.object({ key: z.literal("compile.staticImportOnly"), params: compileEntries["compile.staticImportOnly"].params }),
  z.object({ key: z.literal("compile.tooLong"), params: compileEntries["compile.tooLong"].params }),
]);
export type CompileReason = z.infer<typeof compileReason>;

const CompileErrorParamSchema = z.object({
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  /** esbuild's text (kept as written), or ours when `reason` says which. */
  message: text(),
  reason: compileReason.optional(),
});
const compileErrors = z.object({ errors: z.array(CompileErrorParamSchema).max(100) });
type CompileErrorParam = z.infer<typeof CompileErrorParamSchema>;

const reasonText = (r: CompileReason, locale: FeedbackLocale): string =>
  (compileEntries[r.key] as CatalogueEntry<z.ZodType>)[locale](r.params);
const enErrors = (errors: CompileErrorParam[]): string => errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`).join("\n");
const zhErrors = (errors: CompileErrorParam[]): string =>
  errors.map((e) => `第 ${e.line} 行，第 ${e.column} 列：${e.reason === undefined ? e.message : reasonText(e.reason, "zh-CN")}`).join("\n");

const call = text(300);

export const catalogue = {
  // compareTensors (model-kit) and its hidden-case form (feedback.ts).
  "compare.malformed": entry(
    z.object({ error: text(), expected: dims }),
    (p) => `Your output is not a well-formed tensor (${p.error}); wanted shape ${fmtShape(p.expected)}.`,
    (p) => `你的输出不是格式正确的张量（${p.error}）；应为形状 ${fmtShape(p.expected)}。`,
  ),
  "compare.shape": entry(
    z.object({ actual: dims, expected: dims }),
    (p) => `Shape mismatch: got ${fmtShape(p.actual)}, wanted ${fmtShape(p.expected)}.`,
    (p) => `形状不匹配：得到 ${fmtShape(p.actual)}，应为 ${fmtShape(p.expected)}。`,
  ),
  "compare.nonfinite": entry(
    z.object({ nan: count, inf: count, index: dims }),
    (p) => {
      const parts = [p.nan > 0 ? `${p.nan} NaN` : "", p.inf > 0 ? `${p.inf} Inf` : ""].filter(Boolean).join(" and ");
      return `Your output contains ${parts} where finite values were expected, first at ${en.index(p.index)}.`;
    },
    (p) => {
      const parts = [p.nan > 0 ? `${p.nan} 个 NaN` : "", p.inf > 0 ? `${p.inf} 个 Inf` : ""].filter(Boolean).join(" 和 ");
      return `你的输出在应为有限值的位置出现了 ${parts}，第一个出现在${zh.at(p.index)}。`;
    },
  ),
  "compare.values": entry(
    // maxRel is absent when no failing element has a relative error (all expect 0); relUndefined
    // counts the failing elements whose expected value is 0. Older stored feedback has neither.
    z.object({ bad: count, n: count, atol: shown, rtol: shown, index: dims, maxAbs: shown, maxRel: shown.optional(), relUndefined: count.optional() }),
    (p) =>
      `${p.bad} of ${en.plural(p.n, "element")} differ beyond the tolerance (atol ${p.atol}, rtol ${p.rtol}), ` +
      `first at ${en.index(p.index)}; ${en.errorSizes(p.maxAbs, p.maxRel, p.relUndefined)}.`,
    (p) =>
      `${p.n} 个元素中有 ${p.bad} 个超出容差（atol ${p.atol}，rtol ${p.rtol}），第一个不匹配的位置在${zh.at(p.index)}；` +
      `${zh.errorSizes(p.maxAbs, p.maxRel, p.relUndefined)}。`,
  ),
  // Public cases only (their inputs and expected values are public): the first mismatches.
  "compare.sideBySide": entry(
    z.object({ items: z.array(z.object({ index: dims, expected: shown, actual: shown })).min(1).max(5) }),
    (p) => `First mismatches (expected vs yours): ${p.items.map((i) => `[${i.index.join(", ")}] ${i.expected} vs ${i.actual}`).join("; ")}.`,
    (p) => `前几个不匹配的元素（期望值 与 你的值）：${p.items.map((i) => `[${i.index.join(", ")}] ${i.expected} 与 ${i.actual}`).join("；")}。`,
  ),
  "compare.ok": entry(
    z.object({ n: count, maxAbs: shown }),
    (p) => `All ${en.plural(p.n, "element")} match within the tolerance (max abs error ${p.maxAbs}).`,
    (p) => `全部 ${p.n} 个元素都在容差范围内（最大绝对误差 ${p.maxAbs}）。`,
  ),
  "compare.okHidden": entry(
    z.object({ n: count }),
    (p) => `All ${en.plural(p.n, "element")} match within the tolerance.`,
    (p) => `全部 ${p.n} 个元素都在容差范围内。`,
  ),
  "compare.valuesHidden": entry(
    // maxRel is absent when no failing element has a relative error (only the absolute one is
    // shown); relPartial: some failing elements have none. Hidden cases never say why.
    z.object({ bad: count, n: count, index: dims.optional(), maxAbs: rough, maxRel: rough.optional(), relPartial: z.literal(true).optional() }),
    (p) =>
      `${p.bad} of ${en.plural(p.n, "element")} differ beyond the tolerance${p.index === undefined ? "" : `, first at ${en.index(p.index)}`}; ` +
      `max abs error on the order of ${p.maxAbs}` +
      (p.maxRel === undefined ? "." : `, max rel error${p.relPartial ? " (where defined)" : ""} on the order of ${p.maxRel}.`),
    (p) =>
      `${p.n} 个元素中有 ${p.bad} 个超出容差${p.index === undefined ? "" : `，第一个不匹配的位置在${zh.at(p.index)}`}；` +
      `最大绝对误差的数量级为 ${p.maxAbs}` +
      (p.maxRel === undefined ? "。" : `，最大相对误差${p.relPartial ? "（在有定义的位置）" : ""}的数量级为 ${p.maxRel}。`),
  ),

  // compareWire: the structure of a returned value.
  "wire.wantTensor": entry(
    z.object({ dtype: DtypeSchema, shape: dims, got: KindSchema }),
    (p) => `wanted a ${p.dtype} tensor of shape ${fmtShape(p.shape)}, got ${en.kind(p.got)}.`,
    (p) => `应为形状为 ${fmtShape(p.shape)} 的 ${p.dtype} 张量，实际得到${zh.kind(p.got)}。`,
  ),
  "wire.wantDtype": entry(
    z.object({ dtype: DtypeSchema, got: DtypeSchema }),
    (p) => `wanted a ${p.dtype} tensor, got a ${p.got} tensor.`,
    (p) => `应为 ${p.dtype} 张量，实际得到 ${p.got} 张量。`,
  ),
  "wire.wantNumber": entry(
    z.object({ got: KindSchema }),
    (p) => `wanted a number (or a scalar tensor), got ${en.kind(p.got)}.`,
    (p) => `应为数值（或标量张量），实际得到${zh.kind(p.got)}。`,
  ),
  "wire.wantNumbers": entry(
    z.object({ n: count, got: KindSchema }),
    (p) => `wanted an array of ${p.n} numbers, got ${en.kind(p.got)}.`,
    (p) => `应为包含 ${p.n} 个数值的数组，实际得到${zh.kind(p.got)}。`,
  ),
  "wire.wantNumberItem": entry(
    z.object({ got: KindSchema }),
    (p) => `wanted an array of numbers, got an item that is ${en.kind(p.got)}.`,
    (p) => `应为数值数组，但其中有一项是${zh.kind(p.got)}。`,
  ),
  "wire.wantArray": entry(
    z.object({ n: count, got: KindSchema }),
    (p) => `wanted an array of ${p.n}, got ${en.kind(p.got)}.`,
    (p) => `应为长度为 ${p.n} 的数组，实际得到${zh.kind(p.got)}。`,
  ),
  "wire.arrayLength": entry(
    z.object({ n: count, got: count }),
    (p) => `wanted an array of ${p.n} items, got ${p.got}.`,
    (p) => `应为包含 ${p.n} 项的数组，实际得到 ${p.got} 项。`,
  ),
  "wire.allItemsMatch": entry(
    z.object({ n: count }),
    (p) => `all ${p.n} items match.`,
    (p) => `全部 ${p.n} 项都一致。`,
  ),
  "wire.wantObject": entry(
    z.object({ keys: z.array(text(300)).max(200), got: KindSchema }),
    (p) => `wanted an object with ${p.keys.join(", ")}, got ${en.kind(p.got)}.`,
    (p) => `应为包含 ${p.keys.join("、")} 的对象，实际得到${zh.kind(p.got)}。`,
  ),
  "wire.missing": fixed("missing from your result.", "你的结果中缺少这一项。"),
  "wire.allFieldsMatch": fixed("all fields match.", "所有字段都一致。"),
  "wire.matches": fixed("matches.", "一致。"),
  "wire.wantKind": entry(
    z.object({ want: KindSchema, got: KindSchema }),
    (p) => `wanted ${en.kind(p.want)}, got ${en.kind(p.got)}.`,
    (p) => `应为${zh.kind(p.want)}，实际得到${zh.kind(p.got)}。`,
  ),
  "wire.gotWanted": entry(
    z.object({ got: text(), want: text() }),
    (p) => `got ${p.got}, wanted ${p.want}.`,
    (p) => `得到 ${p.got}，应为 ${p.want}。`,
  ),
  "wire.wrongValue": fixed("wrong value.", "值不正确。"),

  // scoreGrading: one case.
  "case.noExpected": fixed("This case has no expected value.", "此测试用例没有期望值。"),
  "case.badDefinition": fixed("Test definition error: expected one value per call.", "测试定义错误：每次调用应对应一个期望值。"),
  "case.allOutputsMatch": fixed("All outputs match.", "所有输出都一致。"),
  "case.uncheckable": entry(
    z.object({ error: text() }),
    (p) => `Your output could not be checked: ${p.error}`,
    (p) => `无法检查你的输出：${p.error}`,
  ),
  "case.threw": entry(
    z.object({ call, error: RealmErrorParamSchema }),
    (p) => `${p.call} threw ${en.error(p.error)}`,
    (p) => `${zh.label(p.call)} 抛出了 ${zh.error(p.error)}`,
  ),
  "case.outputError": entry(
    z.object({ error: RealmErrorParamSchema }),
    (p) => en.error(p.error),
    (p) => zh.error(p.error),
  ),
  "case.threwAsRequired": entry(
    z.object({ call, name: text(200) }),
    (p) => `${p.call} threw a ${p.name} as required.`,
    (p) => `${zh.label(p.call)} 按要求抛出了 ${p.name}。`,
  ),
  "case.threwWrong": entry(
    z.object({ call, name: text(200), error: RealmErrorParamSchema }),
    (p) => `${p.call} should throw a ${p.name}; it threw ${en.error(p.error)}`,
    (p) => `${zh.label(p.call)} 应当抛出 ${p.name}，实际抛出的是 ${zh.error(p.error)}`,
  ),
  "case.returnedNormally": entry(
    z.object({ call: call.optional(), name: text(200) }),
    (p) => `${p.call ?? "The call"} should throw a ${p.name}, but it returned normally.`,
    (p) => `${p.call === undefined ? "该调用" : zh.label(p.call)} 应当抛出 ${p.name}，但它正常返回了。`,
  ),

  // Tests that never ran.
  "notRun.timeout": fixed("Not run: the time limit was reached before this test.", "未运行：执行到此测试之前已达到时间限制。"),
  "notRun.memory": fixed("Not run: the memory limit was reached before this test.", "未运行：执行到此测试之前已达到内存限制。"),
  "notRun.crashed": fixed("Not run: the sandbox crashed before this test.", "未运行：执行到此测试之前沙箱已崩溃。"),
  "notRun.timeoutEarlier": fixed("Not run: the time limit was reached in an earlier test.", "未运行：在之前的测试中已达到时间限制。"),
  "notRun.memoryEarlier": fixed("Not run: the memory limit was reached in an earlier test.", "未运行：在之前的测试中已达到内存限制。"),
  "notRun.noResult": fixed("Not run: no result for this test.", "未运行：没有此测试的结果。"),
  "notRun.rejected": fixed("Not run: the submission was rejected.", "未运行：提交被拒绝。"),
  "notRun.compileError": fixed("Not run: the submission did not compile.", "未运行：提交的代码无法编译。"),

  // The whole submission.
  ...compileEntries,
  "submission.rejected": entry(
    compileErrors,
    (p) => `Submission rejected. ${enErrors(p.errors)}`,
    (p) => `提交被拒绝。${zhErrors(p.errors)}`,
  ),
  "submission.compileError": entry(
    compileErrors,
    (p) => `Your code did not compile. ${enErrors(p.errors)}`,
    (p) => `你的代码无法编译。${zhErrors(p.errors)}`,
  ),
  "submission.unreadable": entry(
    z.object({ issue: text() }),
    (p) => `The sandbox returned results that could not be read: ${p.issue}`,
    (p) => `沙箱返回的结果无法读取：${p.issue}`,
  ),
  "submission.loadFailed": entry(
    z.object({ error: RealmErrorParamSchema }),
    (p) => `Your module threw while loading: ${en.error(p.error)}`,
    (p) => `你的模块在加载时抛出了错误：${zh.error(p.error)}`,
  ),

  // The grader's sandbox limits (apps/grader); `detail` is the sandbox's own note.
  "sandbox.timeout": entry(
    z.object({ detail: text(1000).optional() }),
    (p) => `Your code ran out of time${p.detail === undefined ? "" : ` (${p.detail})`}.`,
    (p) => `你的代码超出了时间限制${p.detail === undefined ? "" : `（${p.detail}）`}。`,
  ),
  "sandbox.memory": entry(
    z.object({ detail: text(1000).optional() }),
    (p) => `Your code used more memory than allowed${p.detail === undefined ? "" : ` (${p.detail})`}.`,
    (p) => `你的代码使用的内存超出了限制${p.detail === undefined ? "" : `（${p.detail}）`}。`,
  ),
  "sandbox.crashed": entry(
    z.object({ detail: text(1000).optional() }),
    (p) => `The sandbox running your code stopped unexpectedly${p.detail === undefined ? "" : ` (${p.detail})`}.`,
    (p) => `运行你代码的沙箱意外停止${p.detail === undefined ? "" : `（${p.detail}）`}。`,
  ),

  // Where the sandbox stopped a submission at a limit (the host records it outside the isolate).
  "stopped.inCall": entry(
    z.object({ limit: LimitSchema, call, test: text(500), testZh: text(500).optional() }),
    (p) => `${en.limit(p.limit)} exceeded while running ${en.callName(p.call)} for test '${p.test}'${en.limitAmount(p.limit)}.`,
    (p) => `运行测试“${p.testZh ?? p.test}”中的${zh.callName(p.call)}时超出了${zh.limit(p.limit)}${zh.limitAmount(p.limit)}。`,
  ),
  "stopped.loading": entry(
    z.object({ limit: LimitSchema }),
    (p) =>
      `${en.limit(p.limit)} exceeded before your module finished loading` +
      `${p.limit.kind === "time" ? ": its top-level code was still running" : ""}${en.limitAmount(p.limit)}.`,
    (p) => `你的模块在加载完成之前超出了${zh.limit(p.limit)}${p.limit.kind === "time" ? "：顶层代码仍在运行" : ""}${zh.limitAmount(p.limit)}。`,
  ),

  // Diagnoses (diagnose/): what a failing submission's outputs have in common with a known
  // mistake. They name relations and shapes, never a value (hidden cases stay hidden).
  "diagnosis.hint": entry(
    z.object({ mutant: text(100), en: text(400), "zh-CN": text(400) }),
    (p) => p.en,
    (p) => p["zh-CN"],
  ),
  "diagnosis.transposed": fixed(
    "Your values are the expected ones with two axes swapped (transposed): check the order of a matrix product, or a transpose that is missing or extra.",
    "你的输出是期望结果交换了两个维度（转置）后的值：检查矩阵乘法的顺序，或是否漏掉或多做了一次转置。",
  ),
  "diagnosis.reshapeNotTranspose": fixed(
    "Your output has the right shape and the right values, but in the wrong arrangement: they are the expected values with two axes swapped, then reshaped. A reshape keeps the order of the elements; to move an axis you need a transpose.",
    "你的输出形状正确、数值也都对，但排列错了：它相当于把期望结果交换两个维度后再 reshape。reshape 不改变元素的顺序；要移动维度需要转置。",
  ),
  "diagnosis.wrongShape": entry(
    z.object({ actual: dims, expected: dims }),
    (p) => `Your values are right, but in the shape ${fmtShape(p.actual)} instead of ${fmtShape(p.expected)}: check a reshape, a kept dimension or a squeeze.`,
    (p) => `你的数值是对的，但形状是 ${fmtShape(p.actual)} 而不是 ${fmtShape(p.expected)}：检查 reshape、保留的维度或 squeeze。`,
  ),
  "diagnosis.reducedAxis": entry(
    z.object({ axis: count, wanted: count }),
    (p) => `Your output has the shape of a reduction of an input over axis ${p.axis}; the expected result reduces over axis ${p.wanted}: check the axis of your sum, mean or maximum.`,
    (p) => `你的输出形状相当于对某个输入沿第 ${p.axis} 维做了归约；期望结果是沿第 ${p.wanted} 维归约：检查求和、平均或最大值所用的维度。`,
  ),
  "diagnosis.normalisedAxis": entry(
    z.object({ axis: count, wanted: count }),
    (p) => `Your values sum to 1 along axis ${p.axis}; the expected ones sum to 1 along axis ${p.wanted}: normalise along the other axis.`,
    (p) => `你的输出沿第 ${p.axis} 维求和为 1；期望结果是沿第 ${p.wanted} 维求和为 1：应沿另一个维度归一化。`,
  ),
  "diagnosis.scaled": entry(
    z.object({ factor: FactorSchema }),
    (p) => `Your output is the expected one multiplied by ${en.factor(p.factor)}: ${en.factorHint(p.factor)}`,
    (p) => `你的输出等于期望结果乘以${zh.factor(p.factor)}：${zh.factorHint(p.factor)}`,
  ),
  "diagnosis.signFlipped": fixed(
    "Your output is the expected one with the sign flipped: check the sign of a difference, a gradient or an update.",
    "你的输出与期望结果符号相反：检查某个差值、梯度或更新的符号。",
  ),
  "diagnosis.offset": entry(
    z.object({ along: z.enum(["all", "column", "row"]) }),
    (p) =>
      p.along === "all"
        ? "Your output differs from the expected one by the same amount everywhere: a constant term is missing or extra."
        : p.along === "column"
          ? "Your output differs from the expected one by an amount that is the same down each column but changes from column to column: a term added per feature (such as a bias) is missing, extra or wrong."
          : "Your output differs from the expected one by an amount that is the same along each row but changes from row to row: a term taken per row (such as its maximum, mean or sum) is missing or extra.",
    (p) =>
      p.along === "all"
        ? "你的输出与期望结果处处相差同一个量：漏掉或多加了一个常数项。"
        : p.along === "column"
          ? "你的输出与期望结果的差在每一列内相同、在列与列之间不同：漏掉、多加或算错了一个按特征添加的项（例如偏置）。"
          : "你的输出与期望结果的差在每一行内相同、在行与行之间不同：漏掉或多加了一个按行计算的项（例如该行的最大值、均值或总和）。",
  ),
  "diagnosis.firstRowOnly": fixed(
    "Only the first row (the first example) of your output is right; every other row is wrong: check that each example is computed from its own input.",
    "你的输出只有第一行（第一个样本）是对的，其余各行都错了：检查每个样本是否由它自己的输入计算。",
  ),
  "diagnosis.nonFinite": entry(
    z.object({ tests: count, first: text(500), firstZh: text(500).optional(), inputs: z.enum(["large", "constantSlice", "any"]) }),
    (p) =>
      `NaN or Inf appear in your output in ${en.plural(p.tests, "test")}, first in '${p.first}'` +
      (p.inputs === "large"
        ? ", only on inputs of large magnitude (hundreds or more): look for an exponential that overflows or a huge number divided by another."
        : p.inputs === "constantSlice"
          ? ", only on inputs with a constant (or all-zero) row or column: look for a division by a spread, a standard deviation or a sum that is zero there."
          : ": look for a division by zero, a logarithm of zero or an overflowing exponential."),
    (p) =>
      `你的输出在 ${p.tests} 个测试中出现了 NaN 或 Inf，第一个是“${p.firstZh ?? p.first}”` +
      (p.inputs === "large"
        ? "，并且只出现在数值很大（数百或更大）的输入上：检查是否有溢出的指数，或用一个巨大的数除以另一个巨大的数。"
        : p.inputs === "constantSlice"
          ? "，并且只出现在含有常数（或全零）行或列的输入上：检查是否除以了在那里为零的离散程度、标准差或总和。"
          : "：检查是否有除以零、对零取对数或指数溢出。"),
  ),

  // An exercise's own check, worded by its author in both languages.
  text: entry(
    z.object({ en: text(), "zh-CN": text() }),
    (p) => p.en,
    (p) => p["zh-CN"],
  ),
  // A message that exists only in English (a check that returned no feedback). check-exercise
  // reports it, so none ships; the web app shows the English text.
  untranslated: entry(
    z.object({ text: text() }),
    (p) => p.text,
    (p) => p.text,
  ),
};

export type Catalogue = typeof catalogue;
export type FeedbackKey = keyof Catalogue;
export type FeedbackParams<K extends FeedbackKey> = z.output<Catalogue[K]["params"]>;
