/**
 * What an authoring job on the grader hands back to the web app (stored as JSON on the job row):
 * the check's table, a preview grade, or the version a publish made. Plain data, parsed with zod
 * on the way in, so the web app shows it without running or trusting anything.
 */
import { z } from "zod";
import { GradeReportSchema } from "./report.ts";

/** A problem located in one of the instructor's files (1-based line and column). */
export const FileProblemSchema = z.object({
  file: z.string().max(300),
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  message: z.string().max(5000),
});
export type FileProblem = z.infer<typeof FileProblemSchema>;

export const CheckItemSchema = z.object({
  section: z.string().max(50),
  name: z.string().max(1000),
  ok: z.boolean(),
  detail: z.string().max(20_000),
});

export const StrengthSummarySchema = z.object({
  total: z.number().int().nonnegative(),
  killed: z.number().int().nonnegative(),
  equivalent: z.number().int().nonnegative(),
  score: z.number().min(0).max(1),
  survivors: z.array(z.object({ key: z.string().max(2000), line: z.number().int() })).max(500),
});

export const CheckJobResultSchema = z.object({
  ok: z.boolean(),
  /** Set when the exercise could not be read or its course code does not compile: nothing else ran. */
  problems: z.array(FileProblemSchema).max(50),
  items: z.array(CheckItemSchema).max(2000),
  strength: StrengthSummarySchema.nullable(),
  seeds: z.array(z.number().int()).max(100),
  durationMs: z.number().nonnegative(),
  /** The public tests' fixtures (exercise-kit's PublicFixtures), for the preview's pre-check. */
  publicFixtures: z.unknown().nullable(),
});
export type CheckJobResult = z.infer<typeof CheckJobResultSchema>;

export const PreviewJobResultSchema = z.object({
  problems: z.array(FileProblemSchema).max(50),
  report: GradeReportSchema.nullable(),
});
export type PreviewJobResult = z.infer<typeof PreviewJobResultSchema>;

export const PublishJobResultSchema = z.object({
  version: z.number().int().positive(),
  versionId: z.string().max(100),
  created: z.boolean(),
});
export type PublishJobResult = z.infer<typeof PublishJobResultSchema>;

/** Progress lines of a running job (newest last). */
export const JobProgressSchema = z.array(z.string().max(1000)).max(5000);
