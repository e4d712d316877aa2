/** Schemas of what crosses process boundaries: the realm's result and the grade report. */
import { z } from "zod";
import { wireSchema } from "./wire.ts";
import { FeedbackSchema } from "./messages/feedback.ts";
import { DEFAULT_WIRE_LIMITS, type WireLimits } from "./realm/types.ts";

export const RealmErrorSchema = z.object({
  name: z.string().max(200),
  message: z.string().max(5000),
  line: z.number().int().positive().optional(),
  column: z.number().int().nonnegative().optional(),
});

export function realmResultSchema(limits: WireLimits = DEFAULT_WIRE_LIMITS) {
  const value = wireSchema(limits);
  return z.object({
    load: z.discriminatedUnion("ok", [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: RealmErrorSchema })]),
    results: z
      .array(
        z.discriminatedUnion("ok", [
          z.object({ id: z.string().max(100), ok: z.literal(true), value }),
          z.object({ id: z.string().max(100), ok: z.literal(false), error: RealmErrorSchema }),
        ]),
      )
      .max(10_000),
    logs: z.array(z.string().max(10_000)).max(1000),
  });
}

export const RealmResultSchema = realmResultSchema();

export const GradeStatusSchema = z.enum(["passed", "failed", "compile_error", "runtime_error", "timeout", "memory_limit", "rejected"]);
export type GradeStatus = z.infer<typeof GradeStatusSchema>;

export const TestReportSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  points: z.number().nonnegative(),
  maxPoints: z.number().nonnegative(),
  message: z.string().optional(),
  /** Extension: `message` as catalogue keys and parameters, to render in another language. */
  feedback: FeedbackSchema.optional(),
  /** Extension: which set the case belongs to. */
  visibility: z.enum(["public", "hidden"]).optional(),
});
export type TestReport = z.infer<typeof TestReportSchema>;

export const GradeReportSchema = z.object({
  exerciseId: z.string(),
  status: GradeStatusSchema,
  score: z.number().nonnegative(),
  maxScore: z.number().nonnegative(),
  seed: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(),
  tests: z.array(TestReportSchema),
  /** Extension: a submission-level message (compile errors, rejected import, load failure). */
  message: z.string().optional(),
  /** Extension: the submission-level message, structured like tests[].feedback. */
  feedback: FeedbackSchema.optional(),
});
export type GradeReport = z.infer<typeof GradeReportSchema>;
