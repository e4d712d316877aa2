/**
 * Shapes that cross the browser ↔ server boundary for the exercise page. The server parses request
 * bodies with these; the client parses responses with them, so a surprise is a clear error.
 */
import { z } from "zod";

/** Same bound as @course/db's MAX_SUBMISSION_CHARS (kept here so client code does not import the db). */
export const MAX_CODE_CHARS = 100_000;
/** Body caps (bytes, read before parsing): code as JSON may take up to 6 bytes a character (\uXXXX). */
export const MAX_CODE_BODY_BYTES = MAX_CODE_CHARS * 6 + 1024;
/** A browser test run: results, logs and a source map of up to 2 MB. */
export const MAX_SCORE_BODY_BYTES = 8 * 1024 * 1024;

export const CodeSchema = z.string().max(MAX_CODE_CHARS, `Code may be at most ${MAX_CODE_CHARS} characters.`);

export const DraftBodySchema = z.object({ code: CodeSchema }).strict();
export const SubmitBodySchema = z.object({ code: CodeSchema.min(1, "Write some code before submitting.") }).strict();
export const CompileBodySchema = z.object({ source: CodeSchema }).strict();

/** Route params: ids are cuids or catalogue slugs; anything else is a 404 without a lookup. */
export const IdParamSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const JobStatusSchema = z.enum(["queued", "running", "graded", "failed"]);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const TestFeedbackSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  points: z.number(),
  maxPoints: z.number(),
  message: z.string().nullable(),
});
export type TestFeedback = z.infer<typeof TestFeedbackSchema>;

export const SubmissionViewSchema = z.object({
  id: z.string(),
  attemptNumber: z.number().int(),
  /** The exercise version it was graded against (versions never change once published). */
  exerciseVersion: z.number().int().positive().nullable(),
  createdAt: z.string(),
  isLate: z.boolean(),
  status: JobStatusSchema,
  /** Grade status from the grader ("passed", "failed", "compile_error", …), null until graded. */
  outcome: z.string().nullable(),
  /** The grader's raw score and maximum (test points). */
  rawScore: z.number().nullable(),
  maxRawScore: z.number().nullable(),
  /** Score on the assignment's scale, late penalty applied. */
  score: z.number().nullable(),
  points: z.number(),
  latePenalty: z.number(),
  /** A message for the student (compile error, infrastructure failure), if any. */
  error: z.string().nullable(),
  tests: z.array(TestFeedbackSchema),
  /** What the failing tests' outputs have in common with known mistakes (viewer's language). */
  diagnoses: z.array(z.object({ key: z.string(), message: z.string(), tests: z.array(z.string()) })).optional(),
  /** The grade is stored and its diagnosis is still expected (the page keeps asking). */
  diagnosisPending: z.boolean().optional(),
});
export type SubmissionView = z.infer<typeof SubmissionViewSchema>;

/** The answer to a submission: the new attempt, and when its code was also saved as the draft. */
export const SubmittedViewSchema = SubmissionViewSchema.extend({ draftSavedAt: z.string().optional() });
export type SubmittedView = z.infer<typeof SubmittedViewSchema>;

export const SubmissionWithCodeSchema = SubmissionViewSchema.extend({ code: z.string() });
export type SubmissionWithCode = z.infer<typeof SubmissionWithCodeSchema>;

export const DraftViewSchema = z.object({ code: z.string(), updatedAt: z.string() });
export type DraftView = z.infer<typeof DraftViewSchema>;

export const CompileResultSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), code: z.string(), sourceMap: z.string().nullable() }),
  z.object({
    ok: z.literal(false),
    kind: z.enum(["compile_error", "rejected"]),
    errors: z.array(z.object({ message: z.string(), line: z.number().nullable(), column: z.number().nullable() })),
  }),
]);
export type CompileResult = z.infer<typeof CompileResultSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.unknown().optional(),
    /** A duplicate submission's earlier attempt (code "duplicate"). */
    match: z.object({ submissionId: z.string(), attemptNumber: z.number().int(), href: z.string() }).optional(),
  }),
});

export const PublicTestsResponseSchema = z.object({
  exerciseId: z.string(),
  bans: z.array(z.string()),
  /** Paths kept although a ban covers them. */
  allow: z.array(z.string()),
  /** Wall-clock limit for one run in the browser, ms. */
  wallMs: z.number().int().positive(),
  /** The public calls (inputs only, Wire JSON); expected values stay on the server. */
  calls: z.array(z.unknown()),
});
export type PublicTestsResponse = z.infer<typeof PublicTestsResponseSchema>;

/** What the worker's realm produced, in JSON form (values as Wire JSON), sent back for scoring. */
export const PublicScoreBodySchema = z
  .object({
    realm: z.object({
      load: z.union([z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), error: z.unknown() })]),
      results: z.array(z.unknown()).max(10_000),
      logs: z.array(z.string().max(10_000)).max(1000),
    }),
    sourceMap: z.string().max(2_000_000).nullable(),
    durationMs: z.number().nonnegative().max(3_600_000),
  })
  .strict();
export type PublicScoreBody = z.infer<typeof PublicScoreBodySchema>;

export const PublicScoreResultSchema = z.object({
  status: z.string(),
  tests: z.array(TestFeedbackSchema),
  loadError: z.string().nullable(),
  durationMs: z.number(),
});
export type PublicScoreResult = z.infer<typeof PublicScoreResultSchema>;

export const SubmissionListSchema = z.object({ submissions: z.array(SubmissionViewSchema) });
