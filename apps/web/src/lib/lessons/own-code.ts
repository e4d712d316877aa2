/** "Your code in the demo": what GET /api/own-code/[exerciseId]?course=<slug> answers. */
import { z } from "zod";

export const OwnCodeResponseSchema = z.object({
  exerciseId: z.string(),
  attempt: z.number().int().positive(),
  submittedAt: z.string(),
  /** The latest submission, compiled to ESM JavaScript (its only import is @tensorflow/tfjs). */
  code: z.string(),
  bans: z.array(z.string()),
  allow: z.array(z.string()),
});
export type OwnCodeResponse = z.infer<typeof OwnCodeResponseSchema>;

export type OwnCodeLookup = { ok: true; own: OwnCodeResponse } | { ok: false; reason: "no_submission" | "compile_error" | "failed"; message: string };

/** Fetches the reader's latest submission for a demo; never throws. */
export async function fetchOwnCode(courseSlug: string, exerciseId: string): Promise<OwnCodeLookup> {
  try {
    const res = await fetch(`/api/own-code/${encodeURIComponent(exerciseId)}?course=${encodeURIComponent(courseSlug)}`, {
      headers: { accept: "application/json" },
      cache: "no-store",
    });
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) {
      const parsed = OwnCodeResponseSchema.safeParse(json);
      return parsed.success ? { ok: true, own: parsed.data } : { ok: false, reason: "failed", message: "unexpected response" };
    }
    const error = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).safeParse(json);
    const code = error.success ? error.data.error.code : "";
    const message = error.success ? error.data.error.message : `HTTP ${res.status}`;
    return { ok: false, reason: code === "no_submission" || code === "compile_error" ? code : "failed", message };
  } catch (e) {
    return { ok: false, reason: "failed", message: e instanceof Error ? e.message : String(e) };
  }
}
