"use client";
// An authoring job seen from the editor: start it, then poll its status until it ends.
import { useCallback, useEffect, useRef, useState } from "react";
import type { JobView } from "../../lib/authoring/schemas.ts";
import { getJson, postJson } from "./post-json.ts";

const POLL_MS = 700;

export function useJob(api: string, initial: JobView | null) {
  const [job, setJob] = useState<JobView | null>(initial);
  const [running, setRunning] = useState(
    initial !== null && (initial.status === "queued" || initial.status === "running"),
  );
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const alive = useRef(true);

  const poll = useCallback(
    async (id: string) => {
      const r = await getJson<JobView>(`${api}/jobs/${id}`);
      if (!alive.current) return;
      if (!r.ok) {
        setError(r.message);
        setRunning(false);
        return;
      }
      setJob(r.data);
      if (r.data.status === "queued" || r.data.status === "running")
        timer.current = setTimeout(() => void poll(id), POLL_MS);
      else setRunning(false);
    },
    [api],
  );

  useEffect(() => {
    alive.current = true;
    if (initial !== null && (initial.status === "queued" || initial.status === "running"))
      void poll(initial.id);
    return () => {
      alive.current = false;
      clearTimeout(timer.current);
    };
    // Resume polling a job that was running when the page loaded, once.
  }, []);

  const start = useCallback(
    async (url: string, body: unknown) => {
      clearTimeout(timer.current);
      setError(null);
      setRunning(true);
      setJob(null);
      const r = await postJson<{ jobId: string }>(url, body);
      if (!r.ok) {
        setError(r.message);
        setRunning(false);
        return;
      }
      await poll(r.data.jobId);
    },
    [poll],
  );

  return { job, running, error, start };
}
