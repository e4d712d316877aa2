import { createRng } from "@course/model-kit";
import { describe, expect, it } from "vitest";
import { compareWire } from "./compare-wire.ts";
import { planGrading } from "./plan.ts";
import type { RealmResult, Wire } from "./realm/types.ts";
import { compileSubmission } from "./compile.ts";
import { renderFeedback } from "./messages/feedback.ts";
import { GradeReportSchema } from "./report.ts";
import { reportForCompileFailure, scoreGrading } from "./score.ts";
import { scaleExercise, scaleTestNames } from "./test-fixtures.ts";

const tol = { atol: 1e-4, rtol: 1e-4 };
const t = (data: number[], shape = [data.length]): Wire => ({ t: "tensor", dtype: "float32", shape, data: Float32Array.from(data) });
const hidden = { tolerance: tol, reveal: false };

/** Every number written in a message (integers, decimals, exponent form). */
function numbersIn(message: string): number[] {
  return (message.match(/-?\d+(\.\d+)?(e[+-]?\d+)?/gi) ?? []).map(Number);
}

describe("compareWire", () => {
  it("passes exactly at the tolerance edge and fails just beyond it", () => {
    const b = 2;
    const edge = 1e-4 + 1e-4 * b;
    // float32 storage: pick values whose float32 difference stays on the right side.
    expect(compareWire(t([b + edge * 0.99]), t([b]), hidden).pass).toBe(true);
    expect(compareWire(t([b + edge * 1.05]), t([b]), hidden).pass).toBe(false);
    expect(compareWire({ t: "number", v: 1 + 1e-4 }, { t: "number", v: 1 }, hidden).pass).toBe(true);
    expect(compareWire({ t: "number", v: 1 + 3e-4 }, { t: "number", v: 1 }, hidden).pass).toBe(false);
  });

  it("honours a wider per-case tolerance", () => {
    expect(compareWire(t([1.0005]), t([1]), hidden).pass).toBe(false);
    expect(compareWire(t([1.0005]), t([1]), { tolerance: { atol: 1e-3, rtol: 0 }, reveal: false }).pass).toBe(true);
  });

  it("explains shape, NaN/Inf, dtype, missing fields", () => {
    expect(compareWire(t([1, 2, 3], [3]), t([1, 2], [2]), hidden).message).toMatch(/Shape mismatch: got \[3\], wanted \[2\]/);
    expect(compareWire(t([1, NaN, Infinity]), t([1, 2, 3]), hidden).message).toMatch(/1 NaN and 1 Inf .* first at index \[1\]/);
    const bool: Wire = { t: "tensor", dtype: "bool", shape: [2], data: Uint8Array.of(1, 0) };
    expect(compareWire(bool, t([1, 0]), hidden).message).toMatch(/wanted a float32 tensor, got a bool tensor/);
    const r = compareWire({ t: "object", entries: { dx: t([1]) } }, { t: "object", entries: { dx: t([1]), db: t([2]) } }, hidden);
    expect(r).toEqual({ pass: false, message: "db: missing from your result.", feedback: [{ key: "wire.missing", params: {}, label: "db" }] });
  });

  it("accepts a scalar tensor where a number is expected", () => {
    expect(compareWire(t([0.5], []), { t: "number", v: 0.5 }, hidden).pass).toBe(true);
    expect(compareWire(t([0.5, 1]), { t: "number", v: 0.5 }, hidden).pass).toBe(false);
  });

  it("names the first mismatching index and error sizes", () => {
    const r = compareWire(t([1, 2, 3, 5], [2, 2]), t([1, 2, 3, 4], [2, 2]), hidden);
    expect(r.message).toMatch(/1 of 4 elements differ beyond the tolerance, first at index \[1, 1\]; max abs error on the order of 1e0/);
  });

  it("property: hidden-case messages print only integers (indices, counts, shapes) and powers of ten", () => {
    const rng = createRng(20261123);
    const isPowerOfTen = (p: number): boolean => p > 0 && Math.abs(Math.log10(p) - Math.round(Math.log10(p))) < 1e-9;
    for (let trial = 0; trial < 500; trial++) {
      const n = rng.int(1, 6);
      const scale = 10 ** rng.int(-3, 4);
      const expected = Array.from(rng.normalArray(n, 0, scale));
      // Wrong answers of every kind: zeros, sign flips, offsets, scalings, NaN, partly right.
      const kind = rng.int(0, 6);
      const actual = expected.map((v, i) =>
        kind === 0 ? 0 : kind === 1 ? -v : kind === 2 ? v + rng.normalArray(1)[0]! : kind === 3 ? v * 2 : kind === 4 ? (i === 0 ? NaN : v) : i === 0 ? v : 0,
      );
      const shape = rng.next() < 0.5 ? [n] : [1, n];
      const results = [
        compareWire(t(actual, shape), t(expected, shape), hidden),
        compareWire({ t: "number", v: actual[0]! }, { t: "number", v: expected[0]! }, hidden),
        compareWire({ t: "object", entries: { dw: t(actual) } }, { t: "object", entries: { dw: t(expected) } }, hidden),
      ];
      // The English message, the Chinese rendering and the stored structured form alike.
      const messages = results.flatMap((r) => [r.message, renderFeedback(r.feedback!, "zh-CN"), JSON.stringify(r.feedback)]);
      for (const r of results) expect(renderFeedback(r.feedback!, "en")).toBe(r.message);
      for (const message of messages) {
        for (const printed of numbersIn(message)) {
          expect(Number.isInteger(printed) || isPowerOfTen(Math.abs(printed)), `"${message}" prints ${printed}`).toBe(true);
        }
        for (const e of expected) {
          for (const form of [String(e), e.toPrecision(4), e.toExponential(3), Math.fround(e).toString()]) {
            expect(message.includes(form), `"${message}" contains ${form}`).toBe(false);
          }
        }
      }
    }
  });

  it("public cases may show full detail", () => {
    const r = compareWire(t([1.5]), t([1]), { tolerance: tol, reveal: true });
    expect(r.message).toMatch(/max abs error 0\.5000/);
  });
});

describe("planGrading / scoreGrading", () => {
  it("is reproducible: same seed, same calls and expected values; another seed differs", () => {
    const a = planGrading(scaleExercise, { seed: 99, visibility: "all" });
    const b = planGrading(scaleExercise, { seed: 99, visibility: "all" });
    const c = planGrading(scaleExercise, { seed: 100, visibility: "all" });
    expect(b.calls).toEqual(a.calls);
    expect(b.cases.map((x) => x.expected)).toEqual(a.cases.map((x) => x.expected));
    expect(c.calls[0]).not.toEqual(a.calls[0]);
    // Fixed edge cases do not depend on the seed.
    expect(c.calls[2]).toEqual({ ...a.calls[2], id: c.calls[2]!.id });
  });

  it("filters by visibility and never puts expected values in the calls", () => {
    const pub = planGrading(scaleExercise, { seed: 1, visibility: "public" });
    const hid = planGrading(scaleExercise, { seed: 1, visibility: "hidden" });
    expect(pub.cases.map((c) => c.name)).toEqual(["public random"]);
    expect(hid.cases.map((c) => c.name)).toEqual(["hidden random", "hidden total", "harness squares through the module"]);
    const callsJson = JSON.stringify(hid.calls, (_k, v: unknown) => (v instanceof Float32Array ? Array.from(v) : v));
    const totalCase = hid.cases.find((c) => c.name === "hidden total")!;
    expect(totalCase.expected).toEqual({ t: "number", v: 2.75 });
    expect(callsJson).not.toContain("2.75");
  });

  it("scores each case from the realm results and records the seed", () => {
    const plan = planGrading(scaleExercise, { seed: 5, visibility: "all" });
    const results: RealmResult = {
      load: { ok: true },
      logs: [],
      results: [
        { id: plan.cases[0]!.callIds[0]!, ok: true, value: plan.cases[0]!.expected! },
        { id: plan.cases[1]!.callIds[0]!, ok: false, error: { name: "TypeError", message: "boom", line: 3, column: 7 } },
        { id: plan.cases[2]!.callIds[0]!, ok: true, value: { t: "number", v: 2.75 } },
      ],
    };
    const report = scoreGrading(plan, results, { durationMs: 12 });
    expect(report).toMatchObject({ exerciseId: "scale-rows", status: "failed", seed: 5, score: 2, maxScore: 5, durationMs: 12 });
    expect(report.tests[1]!.message).toBe("scaleRows threw TypeError: boom (compiled line 3)");
    expect(report.tests[3]!.message).toMatch(/Not run/);
  });

  it("gives every test its message as structured feedback, in English exactly the message", () => {
    const plan = planGrading(scaleExercise, { seed: 5, visibility: "all" });
    const results: RealmResult = {
      load: { ok: true },
      logs: [],
      results: [
        { id: plan.cases[0]!.callIds[0]!, ok: true, value: plan.cases[0]!.expected! },
        { id: plan.cases[1]!.callIds[0]!, ok: false, error: { name: "TypeError", message: "boom", line: 3, column: 7 } },
        { id: plan.cases[2]!.callIds[0]!, ok: false, error: { name: "OutputError", message: "Your return value is a function; return tensors, numbers or plain objects/arrays of them." } },
      ],
    };
    // Through JSON and the schema, as the grader hands it on.
    const report = GradeReportSchema.parse(JSON.parse(JSON.stringify(scoreGrading(plan, results, { outcome: "timeout" }))));
    for (const test of report.tests) expect(renderFeedback(test.feedback!, "en")).toBe(test.message);
    expect(report.tests.map((x) => renderFeedback(x.feedback!, "zh-CN"))).toEqual([
      "全部 12 个元素都在容差范围内（最大绝对误差 0）。",
      "scaleRows 抛出了 TypeError: boom（编译后代码第 3 行）",
      "OutputError: 你的返回值是函数；请返回张量、数值，或由它们组成的普通对象/数组。",
      "未运行：执行到此测试之前已达到时间限制。",
    ]);
  });

  it("structures a compile failure and a rejected import for the submission and every test", async () => {
    const plan = planGrading(scaleExercise, { seed: 5, visibility: "all" });
    const rejected = await compileSubmission('import fs from "node:fs";\nexport const scaleRows = fs;');
    if (rejected.ok) throw new Error("compiled");
    const r = reportForCompileFailure(plan, rejected);
    expect(r.message).toBe('Submission rejected. line 1, column 16: Import of "node:fs" is not allowed: a submission may import only "@tensorflow/tfjs".');
    expect(renderFeedback(r.feedback!, "en")).toBe(r.message);
    expect(renderFeedback(r.feedback!, "zh-CN")).toBe('提交被拒绝。第 1 行，第 16 列：不允许导入 "node:fs"：提交的代码只能导入 "@tensorflow/tfjs"。');
    expect(r.tests.map((x) => renderFeedback(x.feedback!, "zh-CN"))).toEqual(Array(4).fill("未运行：提交被拒绝。"));
    const broken = await compileSubmission("export const f = (;");
    if (broken.ok) throw new Error("compiled");
    const b = reportForCompileFailure(plan, broken);
    expect(renderFeedback(b.feedback!, "en")).toBe(b.message);
    expect(renderFeedback(b.feedback!, "zh-CN")).toMatch(/^你的代码无法编译。第 1 行，第 \d+ 列：Unexpected/);
  });

  it("maps sandbox outcomes and unreadable results to statuses", () => {
    const plan = planGrading(scaleExercise, { seed: 5, visibility: "all" });
    const empty: RealmResult = { load: { ok: true }, results: [], logs: [] };
    expect(scoreGrading(plan, empty, { outcome: "timeout" }).status).toBe("timeout");
    expect(scoreGrading(plan, empty, { outcome: "memory_limit" }).tests[0]!.message).toMatch(/memory limit/);
    expect(scoreGrading(plan, { load: { ok: false, error: { name: "Error", message: "top-level throw" } }, results: [], logs: [] }).status).toBe("runtime_error");
    const garbage = scoreGrading(plan, { load: { ok: true }, results: [{ id: "0.0", ok: true, value: { t: "tensor", dtype: "float32", shape: [5], data: [1] } }], logs: [] });
    expect(garbage.status).toBe("runtime_error");
    expect(garbage.message).toMatch(/could not be read/);
  });
});

describe("scoreGrading: a submission the sandbox stopped at a limit", () => {
  const plan = planGrading(scaleExercise, { seed: 5, visibility: "all" });
  const ids = plan.calls.map((c) => c.id);
  const right = (i: number) => ({ id: ids[i]!, ok: true as const, value: plan.cases[i]!.expected! });
  const wrong = (i: number) => ({ id: ids[i]!, ok: true as const, value: { t: "number" as const, v: 0 } });
  const realm = (results: RealmResult["results"]): RealmResult => ({ load: { ok: true }, results, logs: [] });
  const meta = { outcome: "timeout" as const, limits: { wallMs: 700, memoryMb: 256 }, testNames: scaleTestNames };

  it("keeps the completed calls' results, names the call that was running, and does not run the rest", () => {
    // The 3rd call (total, test "hidden total") never returned.
    const report = GradeReportSchema.parse(scoreGrading(plan, realm([right(0), right(1)]), { ...meta, stoppedAt: { phase: "call", callId: ids[2]! } }));
    expect(report.status).toBe("timeout");
    expect(report.tests.map((x) => [x.passed, x.points])).toEqual([
      [true, 1],
      [true, 2],
      [false, 0],
      [false, 0],
    ]);
    expect(report.score).toBe(3);
    expect(report.maxScore).toBe(5);
    expect(report.tests[2]!.message).toBe("Time limit exceeded while running `total` for test 'hidden total' (700 ms limit).");
    expect(report.tests[3]!.message).toBe("Not run: the time limit was reached in an earlier test.");
    expect(report.message).toBe(report.tests[2]!.message);
    for (const x of report.tests) expect(renderFeedback(x.feedback!, "en")).toBe(x.message);
    expect(renderFeedback(report.feedback!, "en")).toBe(report.message);
    expect(renderFeedback(report.feedback!, "zh-CN")).toBe("运行测试“隐藏的求和用例”中的 `total` 时超出了时间限制（上限 700 毫秒）。");
    expect(report.tests.slice(2).map((x) => renderFeedback(x.feedback!, "zh-CN"))).toEqual([
      "运行测试“隐藏的求和用例”中的 `total` 时超出了时间限制（上限 700 毫秒）。",
      "未运行：在之前的测试中已达到时间限制。",
    ]);
  });

  it("scores completed tests normally (a wrong answer before the hang still fails) and scales the total", () => {
    const report = scoreGrading(plan, realm([wrong(0), right(1), right(2)]), { ...meta, maxScore: 10, stoppedAt: { phase: "call", callId: ids[3]! } });
    expect(report.tests.map((x) => x.passed)).toEqual([false, true, true, false]);
    expect(report.tests[0]!.message).toMatch(/^wanted a float32 tensor of shape \[3, 4\], got a number\.$/);
    expect(report.tests[3]!.message).toBe("Time limit exceeded while running the test harness for test 'harness squares through the module' (700 ms limit).");
    expect(report.score).toBe(6);
    expect(report.maxScore).toBe(10);
  });

  it("a hang in the first call: nothing to keep, the first test names it", () => {
    const report = scoreGrading(plan, realm([]), { ...meta, stoppedAt: { phase: "call", callId: ids[0]! } });
    expect(report.score).toBe(0);
    expect(report.tests[0]!.message).toBe("Time limit exceeded while running `scaleRows` for test 'public random' (700 ms limit).");
    expect(report.tests.slice(1).every((x) => x.message === "Not run: the time limit was reached in an earlier test.")).toBe(true);
  });

  it("the memory limit reads the same way", () => {
    const report = scoreGrading(plan, realm([right(0)]), { ...meta, outcome: "memory_limit", stoppedAt: { phase: "call", callId: ids[1]! } });
    expect(report.status).toBe("memory_limit");
    expect(report.score).toBe(1);
    expect(report.tests[1]!.message).toBe("Memory limit exceeded while running `scaleRows` for test 'hidden random' (256 MB limit).");
    expect(renderFeedback(report.tests[1]!.feedback!, "zh-CN")).toBe("运行测试“隐藏的随机用例”中的 `scaleRows` 时超出了内存限制（上限 256 MB）。");
    expect(report.tests[2]!.message).toBe("Not run: the memory limit was reached in an earlier test.");
    expect(renderFeedback(report.tests[2]!.feedback!, "zh-CN")).toBe("未运行：在之前的测试中已达到内存限制。");
  });

  it("a module that never finished loading: every test says so, in both languages", () => {
    // Results are ignored whatever they claim: no call can have run.
    const report = scoreGrading(plan, realm([right(0), right(1)]), { ...meta, stoppedAt: { phase: "load" } });
    expect(report.status).toBe("timeout");
    expect(report.score).toBe(0);
    const en = "Time limit exceeded before your module finished loading: its top-level code was still running (700 ms limit).";
    expect(report.message).toBe(en);
    expect(report.tests.every((x) => !x.passed && x.message === en)).toBe(true);
    expect(renderFeedback(report.tests[0]!.feedback!, "zh-CN")).toBe("你的模块在加载完成之前超出了时间限制：顶层代码仍在运行（上限 700 毫秒）。");
  });

  it("after the last call returned, every result counts and the status stays timeout", () => {
    const report = scoreGrading(plan, realm(plan.cases.map((_c, i) => right(i))), { ...meta, stoppedAt: { phase: "end" } });
    expect(report.status).toBe("timeout");
    expect(report.score).toBe(report.maxScore);
    expect(report.message).toBeUndefined();
  });

  it("accepts no result the stop point does not vouch for (forged progress earns nothing)", () => {
    const notRun = "Not run: the time limit was reached before this test.";
    const forged: [string, RealmResult, NonNullable<Parameters<typeof scoreGrading>[2]>["stoppedAt"]][] = [
      // Results for the call that was running and the ones after it.
      ["results beyond the stop point", realm([right(0), right(1), right(2), right(3)]), { phase: "call", callId: ids[2]! }],
      // Results out of plan order, or for calls the plan does not have.
      ["out of order", realm([right(1), right(0)]), { phase: "call", callId: ids[2]! }],
      ["an unknown id", realm([right(0), { ...right(1), id: "9.9" }]), { phase: "call", callId: ids[2]! }],
      // A stop point the plan does not have.
      ["an unknown stop point", realm([right(0), right(1)]), { phase: "call", callId: "7.0" }],
      // "Everything finished" with results missing.
      ["an incomplete end", realm([right(0), right(1)]), { phase: "end" }],
    ];
    for (const [name, r, stoppedAt] of forged) {
      const report = scoreGrading(plan, r, { ...meta, ...(stoppedAt === undefined ? {} : { stoppedAt }) });
      expect(report.status, name).toBe("timeout");
      expect(report.score, name).toBe(0);
      expect(report.tests.map((x) => x.message), name).toEqual(Array(4).fill(notRun));
    }
  });
});
