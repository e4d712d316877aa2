// Shared pieces of the staff API routes.
import { z } from "zod";
import { DomainError } from "@course/db";
import { ApiError } from "../api-error.ts";
import { staffMessages } from "../i18n/messages/staff.ts";
import { translator, type Locale } from "../i18n/index.ts";

export const CourseParams = z.object({ slug: z.string().min(1).max(100) });

/** Rewrites the repositories' English domain errors as the user's-language answers of the staff pages. */
export function localizeDomainError(error: unknown, locale: Locale, conflict?: { field: string; message: string }): never {
  const t = translator(staffMessages, locale);
  if (error instanceof DomainError) {
    if (error.code === "last_instructor") throw new ApiError(409, "last_instructor", t("lastInstructor"));
    if (error.code === "conflict" && conflict) throw new ApiError(409, "conflict", conflict.message, { [conflict.field]: conflict.message });
    if (error.code === "not_found") throw new ApiError(404, "not_found", t("notMember"));
  }
  throw error;
}
