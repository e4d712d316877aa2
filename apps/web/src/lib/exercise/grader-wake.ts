/**
 * Nudges the grader after a submission is queued (POST {GRADER_URL}/v1/wake), so it claims the job
 * at once instead of at its next poll. Best effort: the job is durable in the database and the
 * grader polls it anyway. The grader wants its bearer token; the web env exposes it as
 * `graderToken` once src/lib/env.ts parses GRADER_TOKEN (requested from the shell engineer).
 */
import { getEnv } from "../env.ts";

export function wakeGrader(): void {
  const env = getEnv() as { graderUrl?: string; graderToken?: string };
  if (!env.graderUrl) return;
  const headers: Record<string, string> = env.graderToken ? { authorization: `Bearer ${env.graderToken}` } : {};
  void fetch(new URL("/v1/wake", env.graderUrl), { method: "POST", headers, signal: AbortSignal.timeout(2000) }).catch(() => undefined);
}
