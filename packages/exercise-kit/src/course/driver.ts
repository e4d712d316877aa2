/**
 * The course-code driver: bundled together with an exercise's tests.ts and run INSIDE the author
 * sandbox (an isolate like a student's, with tfjs and the model kit). It draws inputs, computes
 * expected values and runs custom checks, and hands back only data (marshalled to Wire by the
 * realm). The grader's trusted process never runs course code; it parses what comes out.
 *
 * The author isolate serves many gradings of one exercise version, so every call disposes the
 * tensors it made (the plan's are kept only until the next call, for the realm to copy out).
 */
import * as tf from "@tensorflow/tfjs";
import { createRng } from "@course/model-kit";
import { runCheck } from "../check-case.ts";
import { feedbackOf, isTestSuite, type ResolvedCase, type TestSuite } from "../define-tests.ts";
import type { Tolerance } from "../manifest.ts";
import { caseCalls, casesFor, domainVerdict, hostify, type PlannedCase, type Visibility } from "../plan.ts";
import { toWire } from "../wire.ts";

/** What `plan` returns for one case (the trusted side merges the tolerance with the manifest's). */
export interface DriverCase {
  name: string;
  kind: "random" | "edge";
  points: number;
  visibility: "public" | "hidden";
  callIds: string[];
  callLabels: string[];
  hasExpected: boolean;
  expected: unknown;
  tolerance: Partial<Tolerance> | null;
  throws: string | null;
  hasCheck: boolean;
  /** Whether the case declares its input domain, and what lies outside it (null: nothing). */
  domainDeclared: boolean;
  domainProblem: string | null;
}

/** One custom-check request: the case, the student's outputs (one per call), the tolerance. */
export interface CheckRequest {
  name: string;
  outputs: unknown[];
  tolerance: Tolerance;
}

export interface Driver {
  plan(seed: number, visibility: Visibility): { calls: unknown[]; cases: DriverCase[] };
  check(seed: number, requests: CheckRequest[]): { pass: boolean; message: string; feedback: unknown }[];
}

export function createDriver(suiteExport: unknown): Driver {
  if (!isTestSuite(suiteExport)) throw new Error("tests.ts must default-export defineTests(...)");
  const suite: TestSuite = suiteExport;
  const byName = new Map<string, ResolvedCase>(suite.cases.map((c) => [c.name, c]));
  let live: tf.TensorContainer = [];
  return {
    plan(seed, visibility) {
      tf.dispose(live);
      const root = createRng(seed);
      const out = tf.tidy(() => {
        const calls: unknown[] = [];
        const cases: DriverCase[] = [];
        for (const { c, index } of casesFor(suite, visibility)) {
          const inputs = c.inputs(root.fork(c.name));
          const verdict = domainVerdict(c.domain, inputs);
          const planned = caseCalls(c, index, inputs);
          for (const { id, call } of planned.calls) {
            calls.push(call.kind === "export" ? { id, kind: "export", export: call.export, args: call.args } : { id, kind: "harness", source: call.source, args: call.args });
          }
          cases.push({
            name: c.name,
            kind: c.kind,
            points: c.points,
            visibility: c.visibility,
            callIds: planned.calls.map((p) => p.id),
            callLabels: planned.labels,
            hasExpected: c.expected !== undefined,
            expected: c.expected === undefined ? null : c.expected(inputs),
            tolerance: c.tolerance ?? null,
            throws: c.throws ?? null,
            hasCheck: c.check !== undefined,
            domainDeclared: c.domain !== undefined,
            domainProblem: verdict === true ? null : verdict,
          });
        }
        return { calls, cases } as unknown as tf.TensorContainer;
      });
      live = out;
      return out as unknown as ReturnType<Driver["plan"]>;
    },
    check(seed, requests) {
      tf.dispose(live);
      live = [];
      const root = createRng(seed);
      return requests.map((r) =>
        tf.tidy(() => {
          const c = byName.get(r.name);
          if (c === undefined || c.check === undefined) throw new Error(`no case "${r.name}" with a custom check`);
          const inputs = c.inputs(root.fork(c.name));
          const pc: PlannedCase = {
            name: c.name,
            kind: c.kind,
            points: c.points,
            visibility: c.visibility,
            callIds: [],
            callLabels: [],
            expected: c.expected === undefined ? undefined : toWire(c.expected(inputs)),
            tolerance: r.tolerance,
            check: c.check,
            inputs: hostify(inputs),
          };
          const verdict = runCheck(pc, r.outputs.map((o) => toWire(o)), c.visibility === "public");
          return { pass: verdict.pass, message: verdict.message, feedback: feedbackOf(verdict) } as unknown as tf.TensorContainer;
        }) as unknown as { pass: boolean; message: string; feedback: unknown },
      );
    },
  };
}
