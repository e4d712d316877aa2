/**
 * What the author sandbox returns, read on the trusted side: the driver's plan and custom-check
 * verdicts arrive as Wire values (the realm marshals them); here they become a GradingPlan and
 * CheckResults, every field checked with zod. Nothing course code sends is executed or trusted
 * beyond its shape: expected values and call arguments stay Wire data.
 */
import { FeedbackSchema, ToleranceSchema, type CheckResult, type GradingPlan, type PlannedCase, type SandboxCall, type Tolerance, type Visibility, type Wire } from "@course/exercise-kit";
import { z } from "zod";

export class CourseDataError extends Error {
  override name = "CourseDataError";
}

function entries(w: Wire | undefined, what: string): Record<string, Wire> {
  if (w?.t !== "object") throw new CourseDataError(`${what} is not an object`);
  return w.entries;
}

function items(w: Wire | undefined, what: string): Wire[] {
  if (w?.t !== "array") throw new CourseDataError(`${what} is not an array`);
  return w.items;
}

/** Wire without tensors → plain JSON-like data (for zod). */
function plain(w: Wire, what: string): unknown {
  switch (w.t) {
    case "tensor":
      throw new CourseDataError(`${what} holds a tensor where plain data was expected`);
    case "number":
    case "string":
    case "boolean":
      return w.v;
    case "null":
      return null;
    case "undefined":
      return undefined;
    case "array":
      return w.items.map((x, i) => plain(x, `${what}[${i}]`));
    case "object":
      return Object.fromEntries(Object.entries(w.entries).map(([k, v]) => [k, plain(v, `${what}.${k}`)]));
  }
}

function plainFields(e: Record<string, Wire>, skip: string[], what: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(e).filter(([k]) => !skip.includes(k)).map(([k, v]) => [k, plain(v, `${what}.${k}`)]));
}

const id = z.string().min(1).max(100);
const CallFieldsSchema = z.discriminatedUnion("kind", [
  z.object({ id, kind: z.literal("export"), export: z.string().min(1).max(200) }),
  z.object({ id, kind: z.literal("harness"), source: z.string().min(1).max(100_000) }),
]);

const CaseFieldsSchema = z.object({
  name: z.string().min(1).max(500),
  kind: z.enum(["random", "edge"]),
  points: z.number().positive().finite(),
  visibility: z.enum(["public", "hidden"]),
  callIds: z.array(id).min(1),
  callLabels: z.array(z.string().max(200)),
  hasExpected: z.boolean(),
  tolerance: ToleranceSchema.partial().nullable(),
  throws: z.string().min(1).max(100).nullable(),
  hasCheck: z.boolean(),
  domainDeclared: z.boolean(),
  domainProblem: z.string().max(10_000).nullable(),
});

/** A planned case that came from the sandbox: its custom check (if any) runs there too. */
export interface SandboxPlannedCase extends PlannedCase {
  hasCheck: boolean;
}

export interface SandboxPlan extends GradingPlan {
  cases: SandboxPlannedCase[];
}

function describe(e: unknown): string {
  return e instanceof z.ZodError ? `${e.issues[0]?.path.join(".") ?? ""}: ${e.issues[0]?.message ?? "invalid"}` : (e as Error).message;
}

export function planFromWire(w: Wire, meta: { exerciseId: string; seed: number; visibility: Visibility; tolerance: Tolerance }): SandboxPlan {
  try {
    const top = entries(w, "the plan");
    const calls: SandboxCall[] = items(top.calls, "plan.calls").map((cw, i) => {
      const e = entries(cw, `plan.calls[${i}]`);
      const f = CallFieldsSchema.parse(plainFields(e, ["args"], `plan.calls[${i}]`));
      const args = items(e.args, `plan.calls[${i}].args`);
      return f.kind === "export" ? { id: f.id, kind: "export", export: f.export, args } : { id: f.id, kind: "harness", source: f.source, args };
    });
    const known = new Set(calls.map((c) => c.id));
    if (known.size !== calls.length) throw new CourseDataError("plan.calls has repeated ids");
    const cases: SandboxPlannedCase[] = items(top.cases, "plan.cases").map((cw, i) => {
      const e = entries(cw, `plan.cases[${i}]`);
      const f = CaseFieldsSchema.parse(plainFields(e, ["expected"], `plan.cases[${i}]`));
      for (const c of f.callIds) if (!known.has(c)) throw new CourseDataError(`plan.cases[${i}] names an unknown call ${c}`);
      const pc: SandboxPlannedCase = {
        name: f.name,
        kind: f.kind,
        points: f.points,
        visibility: f.visibility,
        callIds: f.callIds,
        callLabels: f.callLabels,
        expected: f.hasExpected ? e.expected : undefined,
        tolerance: { ...meta.tolerance, ...f.tolerance },
        inputs: undefined,
        hasCheck: f.hasCheck,
        domainDeclared: f.domainDeclared,
      };
      if (f.throws !== null) pc.throws = f.throws;
      if (f.domainProblem !== null) pc.domainProblem = f.domainProblem;
      return pc;
    });
    return { exerciseId: meta.exerciseId, seed: meta.seed, visibility: meta.visibility, calls, cases };
  } catch (e) {
    throw e instanceof CourseDataError ? e : new CourseDataError(`the plan is malformed: ${describe(e)}`);
  }
}

const VerdictSchema = z.object({ pass: z.boolean(), message: z.string().max(10_000), feedback: FeedbackSchema });

export function verdictsFromWire(w: Wire, count: number): CheckResult[] {
  try {
    const list = z.array(VerdictSchema).length(count).parse(plain(w, "the verdicts"));
    return list.map((v) => ({ pass: v.pass, message: v.message, feedback: v.feedback }));
  } catch (e) {
    throw e instanceof CourseDataError ? e : new CourseDataError(`the custom checks' verdicts are malformed: ${describe(e)}`);
  }
}
