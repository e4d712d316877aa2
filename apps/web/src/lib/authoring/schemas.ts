/**
 * Shapes that cross the browser ↔ server boundary in exercise authoring. The server parses
 * request bodies with these, the client parses answers with them.
 */
import { z } from "zod";

/** Same rule as exercise.json's id (exercise-kit's manifest), kept here for client code. */
export const ExerciseSlugSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "Use lower-case letters, digits and single hyphens, e.g. relu-forward.",
  )
  .min(3, "At least 3 characters.")
  .max(60, "At most 60 characters.");

/** The whole folder as text by path; limits are checked on the server with exercise-kit's schema. */
export const DraftFilesSchema = z.record(z.string().max(200), z.string());

export const CreateDraftBodySchema = z
  .object({
    slug: ExerciseSlugSchema,
    /** Absent: the template. Otherwise the id of an exercise of this course or the catalogue to copy. */
    from: z
      .string()
      .max(64)
      .regex(/^[a-z0-9-]+$/)
      .optional(),
  })
  .strict();

export const SaveDraftBodySchema = z.object({ files: DraftFilesSchema }).strict();

export const JobBodySchema = z.discriminatedUnion("kind", [
  z
    .object({ kind: z.literal("check"), seeds: z.number().int().min(1).max(20).optional() })
    .strict(),
  z
    .object({
      kind: z.literal("preview"),
      code: z.string().min(1, "Write some code to grade.").max(100_000),
    })
    .strict(),
  z.object({ kind: z.literal("publish") }).strict(),
]);

export const AssignBodySchema = z.object({ versionId: z.string().min(1).max(64) }).strict();

export const JobViewSchema = z.object({
  id: z.string(),
  kind: z.enum(["check", "preview", "publish"]),
  status: z.enum(["queued", "running", "done", "failed"]),
  progress: z.array(z.string()),
  /** The job's result (CheckJobResult, PreviewJobResult or PublishJobResult), once done. */
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  bundleHash: z.string(),
});
export type JobView = z.infer<typeof JobViewSchema>;

export const SaveDraftResultSchema = z.object({ bundleHash: z.string(), updatedAt: z.string() });
