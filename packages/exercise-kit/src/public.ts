/**
 * Browser pre-check: public fixtures (calls + public expected values, JSON) built on the server,
 * and scorePublic, which scores a Web Worker's RealmResult with the grader's comparison code.
 */
import { z } from "zod";
import { ToleranceSchema } from "./manifest.ts";
import { planGrading, type GradingPlan, type PlanSource } from "./plan.ts";
import type { SandboxCall } from "./realm/types.ts";
import type { GradeReport } from "./report.ts";
import { scoreGrading } from "./score.ts";
import { wireFromJson, wireToJson, type WireJson } from "./wire.ts";

const WireJsonSchema = z.custom<WireJson>((v) => typeof v === "object" && v !== null && typeof (v as { t?: unknown }).t === "string");

export const PublicFixturesSchema = z.object({
  exerciseId: z.string(),
  seed: z.number().int().nonnegative(),
  calls: z.array(
    z.discriminatedUnion("kind", [
      z.object({ id: z.string(), kind: z.literal("export"), export: z.string(), args: z.array(WireJsonSchema) }),
      z.object({ id: z.string(), kind: z.literal("harness"), source: z.string(), args: z.array(WireJsonSchema) }),
    ]),
  ),
  cases: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(["random", "edge"]),
      points: z.number().positive(),
      callIds: z.array(z.string()),
      callLabels: z.array(z.string()),
      expected: WireJsonSchema.optional(),
      tolerance: ToleranceSchema,
      throws: z.string().optional(),
    }),
  ),
});
export type PublicFixtures = z.infer<typeof PublicFixturesSchema>;

/** A stable seed per exercise: everyone sees the same public inputs, which the statement may cite. */
export function publicSeed(exerciseId: string): number {
  let h = 2166136261;
  for (let i = 0; i < exerciseId.length; i++) {
    h ^= exerciseId.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The public fixtures of a plan made for visibility "public" (its calls and expected values, as JSON). */
export function fixturesFromPlan(plan: GradingPlan): PublicFixtures {
  return {
    exerciseId: plan.exerciseId,
    seed: plan.seed,
    calls: plan.calls.map((c) => ({ ...c, args: c.args.map(wireToJson) })),
    cases: plan.cases.map((c) => ({
      name: c.name,
      kind: c.kind,
      points: c.points,
      callIds: c.callIds,
      callLabels: c.callLabels,
      ...(c.expected === undefined ? {} : { expected: wireToJson(c.expected) }),
      tolerance: c.tolerance,
      ...(c.throws === undefined ? {} : { throws: c.throws }),
    })),
  };
}

/** Public fixtures planned in this process (course code run in-process: authoring tools and tests only). */
export function buildPublicFixtures(exercise: PlanSource, seed: number): PublicFixtures {
  return fixturesFromPlan(planGrading(exercise, { seed, visibility: "public" }));
}

/** The calls of public fixtures as Wire, ready for executeCalls in a Web Worker. */
export function fixtureCalls(fixtures: unknown): SandboxCall[] {
  const f = PublicFixturesSchema.parse(fixtures);
  return f.calls.map((c) => ({ ...c, args: c.args.map((a) => wireFromJson(a)) }));
}

export function scorePublic(fixtures: unknown, realmResult: unknown, meta: { durationMs?: number; sourceMap?: string } = {}): GradeReport {
  const f = PublicFixturesSchema.parse(fixtures);
  const plan: GradingPlan = {
    exerciseId: f.exerciseId,
    seed: f.seed,
    visibility: "public",
    calls: fixtureCalls(f),
    cases: f.cases.map((c) => ({
      name: c.name,
      kind: c.kind,
      points: c.points,
      visibility: "public",
      callIds: c.callIds,
      callLabels: c.callLabels,
      expected: c.expected === undefined ? undefined : wireFromJson(c.expected),
      tolerance: c.tolerance,
      ...(c.throws === undefined ? {} : { throws: c.throws }),
      inputs: undefined,
    })),
  };
  return scoreGrading(plan, realmResult, meta);
}
