"use client";
/** Follows one submission until it is graded or failed: GET /api/submissions/[id] with back-off. */
import { useEffect, useState } from "react";
import { isFinalStatus, pollDelayMs } from "../../lib/exercise/backoff.ts";
import type { SubmissionView } from "../../lib/exercise/schemas.ts";
import { fetchJson } from "./fetch-json.ts";

export function useSubmissionPoll(initial: SubmissionView | null) {
  const [submission, setSubmission] = useState<SubmissionView | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const id = submission?.id ?? null;
  // A failing grade's diagnosis follows it: keep asking while it is pending.
  const done = submission === null || (isFinalStatus(submission.status) && submission.diagnosisPending !== true);

  useEffect(() => {
    if (id === null || done) return;
    const controller = new AbortController();
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      try {
        const next = await fetchJson(`/api/submissions/${encodeURIComponent(id)}`, (s) => s.SubmissionViewSchema, { signal: controller.signal });
        setError(null);
        setSubmission(next);
        if (isFinalStatus(next.status) && next.diagnosisPending !== true) return;
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
        setError((e as Error).message);
      }
      timer = setTimeout(() => void tick(), pollDelayMs(attempt++));
    };
    timer = setTimeout(() => void tick(), pollDelayMs(attempt++));
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [id, done]);

  return { submission, setSubmission, error };
}
