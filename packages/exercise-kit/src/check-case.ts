/**
 * A case's verdict from its outputs: the default comparison with the expected value, or the
 * case's custom check. Shared by the trusted scorer and the author sandbox's driver (where custom
 * checks, being course code, actually run).
 */
import { compareWire } from "./compare-wire.ts";
import type { CheckResult } from "./define-tests.ts";
import { fb, fromFeedback, type FeedbackPart } from "./messages/feedback.ts";
import type { PlannedCase } from "./plan.ts";
import type { Wire } from "./realm/types.ts";

const one = (pass: boolean, part: FeedbackPart): CheckResult => fromFeedback(pass, [part]);

export function runCheck(pc: PlannedCase, outputs: Wire[], reveal: boolean): CheckResult {
  const defaultCheck = (): CheckResult => {
    if (pc.expected === undefined) return one(false, fb("case.noExpected", {}));
    if (outputs.length === 1) return compareWire(outputs[0]!, pc.expected, { tolerance: pc.tolerance, reveal });
    const exp = pc.expected;
    if (exp.t !== "array" || exp.items.length !== outputs.length) return one(false, fb("case.badDefinition", {}));
    for (let i = 0; i < outputs.length; i++) {
      const r = compareWire(outputs[i]!, exp.items[i]!, { tolerance: pc.tolerance, reveal, label: `${pc.callLabels[i] ?? "call"} #${i + 1}` });
      if (!r.pass) return r;
    }
    return one(true, fb("case.allOutputsMatch", {}));
  };
  if (pc.check === undefined) return defaultCheck();
  try {
    return pc.check({
      outputs,
      expected: pc.expected,
      inputs: pc.inputs,
      tolerance: pc.tolerance,
      reveal,
      compare: (a, e, o) => compareWire(a, e, { tolerance: { ...pc.tolerance, ...o?.tolerance }, reveal, ...(o?.label === undefined ? {} : { label: o.label }) }),
      defaultCheck,
    });
  } catch (e) {
    return one(false, fb("case.uncheckable", { error: (e as Error).message }));
  }
}

