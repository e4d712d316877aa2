/**
 * The browser copy of a draft (localStorage), so nothing typed is lost offline, and the rule that
 * chooses between it, the server's Draft row and the starter code: the newest edit wins.
 */
// zod/mini: the exercise page loads this parser right after hydration to restore a local draft;
// classic zod costs a phone about 90 ms to evaluate, the mini build a fraction of that.
import * as z from "zod/mini";

export const LocalDraftSchema = z.object({ code: z.string(), updatedAt: z.string(), synced: z.boolean() });
export type LocalDraft = z.infer<typeof LocalDraftSchema>;

export { draftKey } from "./draft-key.ts";

export function parseLocalDraft(raw: string | null): LocalDraft | null {
  if (raw === null) return null;
  try {
    const parsed = LocalDraftSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface DraftChoice {
  code: string;
  source: "local" | "server" | "starter";
  /** The local copy is newer than the server's and was never saved there. */
  needsSync: boolean;
}

export function chooseDraft(
  starter: string,
  server: { code: string; updatedAt: string } | null,
  local: LocalDraft | null,
): DraftChoice {
  const serverTime = server ? Date.parse(server.updatedAt) : Number.NEGATIVE_INFINITY;
  const localTime = local ? Date.parse(local.updatedAt) : Number.NEGATIVE_INFINITY;
  if (local && localTime > serverTime && (!server || local.code !== server.code)) {
    return { code: local.code, source: "local", needsSync: !local.synced };
  }
  if (server) return { code: server.code, source: "server", needsSync: false };
  return { code: starter, source: "starter", needsSync: false };
}
