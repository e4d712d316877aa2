import { describe, expect, it } from "vitest";
import { chooseDraft, draftKey, parseLocalDraft } from "./draft-local.ts";

describe("parseLocalDraft", () => {
  it("accepts a stored draft and rejects junk", () => {
    const ok = JSON.stringify({ code: "x", updatedAt: "2026-01-01T00:00:00.000Z", synced: false });
    expect(parseLocalDraft(ok)).toEqual({ code: "x", updatedAt: "2026-01-01T00:00:00.000Z", synced: false });
    expect(parseLocalDraft("{not json")).toBeNull();
    expect(parseLocalDraft(JSON.stringify({ code: 3 }))).toBeNull();
    expect(parseLocalDraft(null)).toBeNull();
  });
  it("keys drafts per user and assignment", () => {
    expect(draftKey("u1", "a1")).not.toBe(draftKey("u2", "a1"));
  });
});

describe("chooseDraft", () => {
  const server = { code: "server", updatedAt: "2026-01-02T00:00:00.000Z" };
  it("falls back to the starter when nothing was saved", () => {
    expect(chooseDraft("starter", null, null)).toEqual({ code: "starter", source: "starter", needsSync: false });
  });
  it("prefers the server copy when it is newer", () => {
    const local = { code: "old", updatedAt: "2026-01-01T00:00:00.000Z", synced: true };
    expect(chooseDraft("s", server, local).code).toBe("server");
  });
  it("prefers an unsynced newer local copy and asks to sync it", () => {
    const local = { code: "offline edit", updatedAt: "2026-01-03T00:00:00.000Z", synced: false };
    expect(chooseDraft("s", server, local)).toEqual({ code: "offline edit", source: "local", needsSync: true });
    expect(chooseDraft("s", null, local).source).toBe("local");
  });
});
