/**
 * Parameter schemas shared by the feedback catalogue, and how each locale prints them. Parameters
 * are plain JSON (they are stored with a grade and read back with these schemas): numbers a hidden
 * case may show are already reduced to a power of ten here, so no stored field carries a value.
 */
import { z } from "zod";
import { translateRealmText } from "./realm-text.ts";

export const TEXT_MAX = 5000;
export const text = (max = TEXT_MAX) => z.string().max(max);
export const count = z.number().int().nonnegative();
export const dims = z.array(z.number().int().nonnegative()).max(16);

/** A number as compareTensors prints it (public cases only: it may be close to an expected value). */
export const shown = z.string().regex(/^(0|-?\d+(\.\d+)?(e[+-]\d+)?|NaN|-?Infinity)$/);
/** An error size reduced to the power of ten at or below it ("1e-2"): all a hidden case may show. */
export const rough = z.string().regex(/^(0|1e-?\d{1,3}|NaN|Infinity)$/);

export const DtypeSchema = z.enum(["float32", "int32", "bool"]);

/** What a value was, without its content ("a float32 tensor of shape [2, 3]", "null"). */
export const KindSchema = z.discriminatedUnion("t", [
  z.object({ t: z.literal("tensor"), dtype: DtypeSchema, shape: dims }),
  z.object({ t: z.literal("array"), length: count }),
  z.object({ t: z.enum(["number", "string", "boolean", "null", "undefined", "object"]) }),
]);
export type Kind = z.infer<typeof KindSchema>;

/** An error thrown in the realm, as reported (its message is the thrower's own text). */
export const RealmErrorParamSchema = z.object({
  name: text(200),
  message: text(),
  line: z.number().int().positive().optional(),
  column: z.number().int().nonnegative().optional(),
  /** The line is in the compiled JavaScript (no source map could map it back). */
  compiled: z.boolean().optional(),
});
export type RealmErrorParam = z.infer<typeof RealmErrorParamSchema>;

/** A sandbox limit a submission hit: wall/CPU time (ms) or memory (MB), with its size when known. */
export const LimitSchema = z.object({ kind: z.enum(["time", "memory"]), amount: count.optional() });
export type LimitParam = z.infer<typeof LimitSchema>;

/**
 * A telling constant factor between an output and the expected one: small integers, or a size of
 * the inputs (n) and its square root. Anything else is "other" (the number is never shown).
 */
export const FactorSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(["two", "half", "other"]) }),
  z.object({ kind: z.enum(["dim", "invDim", "sqrtDim", "invSqrtDim"]), n: count }),
]);
export type FactorParam = z.infer<typeof FactorSchema>;

export const fmtShape = (s: readonly number[]): string => `[${s.join(", ")}]`;

export const en = {
  index: (i: readonly number[]): string => (i.length === 0 ? "the scalar" : `index [${i.join(", ")}]`),
  plural: (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`,
  kind(k: Kind): string {
    switch (k.t) {
      case "tensor":
        return `a ${k.dtype} tensor of shape ${fmtShape(k.shape)}`;
      case "array":
        return `an array of ${k.length}`;
      case "number":
        return "a number";
      case "object":
        return "an object";
      case "null":
      case "undefined":
        return k.t;
      default:
        return `a ${k.t}`;
    }
  },
  where(e: RealmErrorParam): string {
    if (e.line === undefined) return "";
    return e.compiled ? ` (compiled line ${e.line})` : ` (line ${e.line}, column ${e.column ?? 1})`;
  },
  error: (e: RealmErrorParam): string => `${e.name}: ${e.message}${en.where(e)}`,
  limit: (l: LimitParam): string => (l.kind === "time" ? "Time limit" : "Memory limit"),
  limitAmount: (l: LimitParam): string => (l.amount === undefined ? "" : ` (${l.amount} ${l.kind === "time" ? "ms" : "MB"} limit)`),
  /** An export's name as code; our harness label as words. */
  callName: (label: string): string => (label.startsWith(HARNESS_LABEL) ? label : `\`${label}\``),
  /** compareTensors' error sizes; the relative error is undefined where the expected value is 0. */
  factor(f: FactorParam): string {
    switch (f.kind) {
      case "two":
        return "2";
      case "half":
        return "1/2";
      case "other":
        return "a constant factor";
      case "dim":
        return `${f.n} (a size of the inputs)`;
      case "invDim":
        return `1/${f.n} (one over a size of the inputs)`;
      case "sqrtDim":
        return `√${f.n} (the square root of a size of the inputs)`;
      case "invSqrtDim":
        return `1/√${f.n} (one over the square root of a size of the inputs)`;
    }
  },
  factorHint(f: FactorParam): string {
    switch (f.kind) {
      case "two":
      case "half":
        return "look for a factor of 2 that is missing or extra, as in the derivative of a square or a ½ convention.";
      case "dim":
      case "invDim":
        return "look for an average that should be a sum, or a sum that should be an average.";
      case "sqrtDim":
      case "invSqrtDim":
        return "look for a scaling by the square root of a dimension that is missing, extra or taken of the wrong size.";
      case "other":
        return "the shape of your result is right, only its scale is off; look for a scaling factor.";
    }
  },
  errorSizes(maxAbs: string, maxRel: string | undefined, relUndefined: number | undefined): string {
    const abs = `max abs error ${maxAbs}`;
    if (maxRel === undefined) {
      return relUndefined === undefined ? abs : `${abs}; relative error undefined (the expected value is 0 at ${relUndefined === 1 ? "that element" : "those elements"})`;
    }
    if (relUndefined === undefined) return `${abs}, max rel error ${maxRel}`;
    return `${abs}, max rel error ${maxRel} (undefined at ${en.plural(relUndefined, "element")} whose expected value is 0)`;
  },
};

/** Calls are labelled by export name; the harness label is ours and gets translated. */
export const HARNESS_LABEL = "the test harness";

export const zh = {
  /** "索引 [0, 2] 处" / "标量处": reads after 在 / 出现在. */
  at: (i: readonly number[]): string => (i.length === 0 ? "标量处" : `索引 [${i.join(", ")}] 处`),
  kind(k: Kind): string {
    switch (k.t) {
      case "tensor":
        return `形状为 ${fmtShape(k.shape)} 的 ${k.dtype} 张量`;
      case "array":
        return `长度为 ${k.length} 的数组`;
      case "number":
        return "数值";
      case "string":
        return "字符串";
      case "boolean":
        return "布尔值";
      case "object":
        return "对象";
      case "null":
        return "空值 null";
      case "undefined":
        return "未定义值 undefined";
    }
  },
  label(label: string): string {
    if (label.startsWith(HARNESS_LABEL)) return `测试框架代码${label.slice(HARNESS_LABEL.length)}`;
    return label === "call" ? "调用" : label;
  },
  where(e: RealmErrorParam): string {
    if (e.line === undefined) return "";
    return e.compiled ? `（编译后代码第 ${e.line} 行）` : `（第 ${e.line} 行，第 ${e.column ?? 1} 列）`;
  },
  /** The exception's name and message stay as thrown, except messages our own realm code wrote. */
  error: (e: RealmErrorParam): string => `${e.name}: ${translateRealmText(e.message)}${zh.where(e)}`,
  limit: (l: LimitParam): string => (l.kind === "time" ? "时间限制" : "内存限制"),
  limitAmount: (l: LimitParam): string => (l.amount === undefined ? "" : `（上限 ${l.amount} ${l.kind === "time" ? "毫秒" : "MB"}）`),
  callName: (label: string): string => (label.startsWith(HARNESS_LABEL) ? zh.label(label) : ` \`${label}\` `),
  factor(f: FactorParam): string {
    switch (f.kind) {
      case "two":
        return " 2";
      case "half":
        return " 1/2";
      case "other":
        return "一个常数因子";
      case "dim":
        return ` ${f.n}（输入的某个维度大小）`;
      case "invDim":
        return ` 1/${f.n}（输入某个维度大小的倒数）`;
      case "sqrtDim":
        return ` √${f.n}（输入某个维度大小的平方根）`;
      case "invSqrtDim":
        return ` 1/√${f.n}（输入某个维度大小的平方根的倒数）`;
    }
  },
  factorHint(f: FactorParam): string {
    switch (f.kind) {
      case "two":
      case "half":
        return "检查是否漏掉或多出了因子 2，例如平方的导数或二分之一的约定。";
      case "dim":
      case "invDim":
        return "检查是否把求和写成了平均，或把平均写成了求和。";
      case "sqrtDim":
      case "invSqrtDim":
        return "检查按某个维度的平方根缩放的步骤是否漏掉、多做，或用错了维度。";
      case "other":
        return "结果的形态是对的，只是尺度不对；检查缩放因子。";
    }
  },
  errorSizes(maxAbs: string, maxRel: string | undefined, relUndefined: number | undefined): string {
    const abs = `最大绝对误差 ${maxAbs}`;
    if (maxRel === undefined) {
      return relUndefined === undefined ? abs : `${abs}；相对误差无定义（${relUndefined === 1 ? "该位置" : "这些位置"}的期望值为 0）`;
    }
    if (relUndefined === undefined) return `${abs}，最大相对误差 ${maxRel}`;
    return `${abs}，最大相对误差 ${maxRel}（其中 ${relUndefined} 个元素的期望值为 0，相对误差无定义）`;
  },
};
