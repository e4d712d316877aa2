"use client";
/**
 * Draft autosave: every edit goes to localStorage at once (nothing is lost offline) and, debounced,
 * to the server's Draft row via PUT /api/assignments/[id]/draft. A failed save is retried when the
 * browser comes back online. A submission saves the draft too (hold, then submitted).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { draftKey } from "../../lib/exercise/draft-key.ts";
import type { DraftChoice } from "../../lib/exercise/draft-local.ts";
import type { DraftView } from "../../lib/exercise/schemas.ts";
import { ApiCallError, fetchJson } from "./fetch-json.ts";

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "offline" } | { kind: "error"; message: string };

const DEBOUNCE_MS = 800;

function readLocal(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeLocal(key: string, code: string, synced: boolean, updatedAt = new Date().toISOString()) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ code, updatedAt, synced }));
  } catch {
    // Storage full or disabled: the server copy still works.
  }
}

export function useDraft(opts: { userId: string; assignmentId: string; starter: string; serverDraft: DraftView | null; onRestore: (choice: DraftChoice) => void }) {
  const { userId, assignmentId, starter, serverDraft, onRestore } = opts;
  const key = draftKey(userId, assignmentId);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<string | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
    const code = pending.current;
    if (code === null) return;
    pending.current = null;
    setState({ kind: "saving" });
    const p = fetchJson(`/api/assignments/${encodeURIComponent(assignmentId)}/draft`, (s) => s.DraftViewSchema, { method: "PUT", body: { code } })
      .then((saved) => {
        if (pending.current === null) writeLocal(key, code, true, saved.updatedAt);
        setState({ kind: "saved", at: saved.updatedAt });
      })
      .catch((e: unknown) => {
        if (pending.current === null) pending.current = code;
        if (e instanceof ApiCallError && e.status !== 0) setState({ kind: "error", message: e.message });
        else setState({ kind: "offline" });
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = p;
    await p;
  }, [assignmentId, key]);

  const change = useCallback(
    (code: string) => {
      writeLocal(key, code, false);
      pending.current = code;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, key],
  );

  // Restore a newer unsynced local copy once, after hydration. The copy is read at once; its
  // parser (zod) loads lazily, and an edit made meanwhile is newer, so it wins.
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    const raw = readLocal(key);
    let cancelled = false;
    void import("../../lib/exercise/draft-local.ts").then(({ chooseDraft, parseLocalDraft }) => {
      if (cancelled || restored.current) return;
      restored.current = true;
      if (pending.current !== null) return;
      const choice = chooseDraft(starter, serverDraft, parseLocalDraft(raw));
      if (choice.source === "local") {
        onRestore(choice);
        if (choice.needsSync) {
          pending.current = choice.code;
          void flush();
        }
      } else if (serverDraft) {
        setState({ kind: "saved", at: serverDraft.updatedAt });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [flush, key, onRestore, serverDraft, starter]);

  useEffect(() => {
    const online = () => void flush();
    const leave = () => {
      if (pending.current !== null) void flush();
    };
    window.addEventListener("online", online);
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", leave);
    };
  }, [flush]);

  /** Before a submission, which saves the draft itself: no autosave may start meanwhile or still be
   *  on its way (an older save landing after the submission's would win). */
  const hold = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (inFlight.current) await inFlight.current;
  }, []);

  /** After the submission: `code` was saved with it at `savedAt` (undefined when it was not, e.g.
   *  refused); edits not saved yet go on with the usual autosave. */
  const submitted = useCallback(
    (code: string, savedAt: string | undefined) => {
      if (savedAt !== undefined && pending.current === code) pending.current = null;
      if (savedAt !== undefined && pending.current === null) {
        writeLocal(key, code, true, savedAt);
        setState({ kind: "saved", at: savedAt });
      }
      if (pending.current !== null && timer.current === null) timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush, key],
  );

  return { state, change, flush, hold, submitted };
}
