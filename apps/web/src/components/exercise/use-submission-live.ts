"use client";
/**
 * Follows one submission until it is graded or failed. Pushed: an EventSource on
 * /api/submissions/[id]/events delivers each status as the grader sets it. When the stream breaks
 * (an error, or silence longer than the server's ping allows), the hook polls
 * GET /api/submissions/[id] after a back-off, then opens the stream again. The stream's first
 * event is always the current state, so a web restart loses nothing. While a submission's own
 * answer streams its grading (submit-live.ts), that answer is followed instead: `show` takes its
 * views, and the hook starts following on its own only if that stream ends unsettled.
 */
import { useCallback, useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { STREAM_STALL_MS, isFinalStatus, pollDelayMs } from "../../lib/exercise/backoff.ts";
import type { SubmissionView } from "../../lib/exercise/schemas.ts";
import { fetchJson, parseAnswer } from "./fetch-json.ts";

/** Nothing more will change: graded or failed, and no diagnosis is still on its way. */
function settled(s: SubmissionView): boolean {
  return isFinalStatus(s.status) && s.diagnosisPending !== true;
}

export function useSubmissionLive(initial: SubmissionView | null) {
  const [submission, setSubmission] = useState<SubmissionView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const [answerStreaming, setAnswerStreaming] = useState(false);
  const id = submission?.id ?? null;
  // A failing grade's diagnosis follows it: keep following while it is pending.
  const done = submission === null || settled(submission);

  // Each state is committed as it arrives, from either stream: a fast grade's queued and graded
  // events can arrive before React renders, and batched they would skip straight to graded (no
  // "queued" shown, nor announced).
  const show = useCallback((view: SubmissionView) => {
    flushSync(() => {
      setError(null);
      setSubmission(view);
    });
  }, []);

  useEffect(() => {
    if (id === null || done || answerStreaming) return;
    const path = `/api/submissions/${encodeURIComponent(id)}`;
    const controller = new AbortController();
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stall: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;

    const accept = (next: SubmissionView) => {
      if (controller.signal.aborted) return;
      if (settled(next)) closeStream();
      show(next);
    };
    const closeStream = () => {
      source?.close();
      source = null;
      clearTimeout(stall);
    };
    const armStall = () => {
      clearTimeout(stall);
      stall = setTimeout(broken, STREAM_STALL_MS);
    };
    // Fallback: one poll after a back-off, then the stream again.
    const broken = () => {
      closeStream();
      if (controller.signal.aborted || retry !== undefined) return;
      retry = setTimeout(() => {
        retry = undefined;
        void pollThenReconnect();
      }, pollDelayMs(attempt++));
    };
    const pollThenReconnect = async () => {
      try {
        const next = await fetchJson(path, (s) => s.SubmissionViewSchema, { signal: controller.signal });
        accept(next);
        if (settled(next)) return;
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setError((e as Error).message);
      }
      openStream();
    };
    const openStream = () => {
      if (controller.signal.aborted) return;
      if (typeof EventSource === "undefined") return broken();
      const es = new EventSource(`${path}/events`);
      source = es;
      armStall();
      es.addEventListener("ping", armStall);
      es.addEventListener("submission", (event) => {
        armStall();
        let body: unknown;
        try {
          body = JSON.parse((event as MessageEvent<string>).data);
        } catch {
          return broken();
        }
        parseAnswer(body, (s) => s.SubmissionViewSchema).then(
          (next) => {
            attempt = 0;
            accept(next);
          },
          (e: unknown) => {
            setError((e as Error).message);
            broken();
          },
        );
      });
      es.onerror = () => {
        if (source === es) broken();
      };
    };

    openStream();
    return () => {
      controller.abort();
      closeStream();
      clearTimeout(retry);
    };
  }, [id, done, answerStreaming, show]);

  return { submission, show, error, setAnswerStreaming };
}
