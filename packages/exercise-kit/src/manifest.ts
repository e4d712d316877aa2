/** exercise.json: the manifest of one exercise folder (grading-contract.md). */
import { DEFAULT_TOLERANCE, type Tolerance } from "@course/model-kit";
import { z } from "zod";

// One definition of the default tolerance (COURSE.md), where comparisons live: the model kit.
export { DEFAULT_TOLERANCE, type Tolerance };

const dottedPath = z.string().regex(/^[A-Za-z_$][\w$]*(\.([A-Za-z_$][\w$]*|\*))*$/, "a dotted tf path such as softmax or losses.*");

export const ToleranceSchema = z.object({
  atol: z.number().nonnegative().finite(),
  rtol: z.number().nonnegative().finite(),
}) satisfies z.ZodType<Tolerance>;

export const ExerciseManifestSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "kebab-case id"),
    lesson: z.number().int().positive(),
    /** Order within the lesson (extension; defaults to 0). */
    order: z.number().int().nonnegative().default(0),
    title: z.object({ en: z.string().min(1), "zh-CN": z.string().min(1) }),
    exports: z.array(z.string().regex(/^[A-Za-z_$][\w$]*$/)).min(1),
    bans: z.array(dottedPath),
    /** Paths kept although a ban covers them, e.g. "layers.Layer" under "layers.*" (extension). */
    allow: z.array(dottedPath).default([]),
    limits: z
      .object({ wallMs: z.number().int().positive().default(10_000), memoryMb: z.number().int().positive().default(256) })
      .default({ wallMs: 10_000, memoryMb: 256 }),
    tolerance: ToleranceSchema.default(DEFAULT_TOLERANCE),
    points: z.number().positive().optional(),
  })
  .strict();

export type ExerciseManifest = z.infer<typeof ExerciseManifestSchema>;
export type ExerciseManifestInput = z.input<typeof ExerciseManifestSchema>;
