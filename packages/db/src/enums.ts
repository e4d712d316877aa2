import { LOCALES } from "@course/locales";
import { z } from "zod";

// String columns with a closed set of values (see prisma/schema.prisma): validated here so both
// providers share one schema without native enum types.
export const RoleSchema = z.enum(["student", "ta", "instructor"]);
export type Role = z.infer<typeof RoleSchema>;

export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

export const JobStatusSchema = z.enum(["queued", "running", "graded", "failed"]);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const GradeStatusSchema = z.enum([
  "passed",
  "failed",
  "compile_error",
  "runtime_error",
  "timeout",
  "memory_limit",
  "rejected",
]);
export type GradeStatus = z.infer<typeof GradeStatusSchema>;

export const LessonStatusSchema = z.enum(["in_progress", "done"]);
export type LessonStatus = z.infer<typeof LessonStatusSchema>;

/** Platform-wide role (User.platformRole): instructors and admins may create courses. */
export const PlatformRoleSchema = z.enum(["user", "instructor", "admin"]);
export type PlatformRole = z.infer<typeof PlatformRoleSchema>;
