"use client";
// Starts a regrade (a version, everyone or one student) and shows its progress live: it polls the
// run's small JSON endpoint once a second until nothing of the run is waiting.
import { useEffect, useState, type FormEvent } from "react";
import { format } from "../../lib/i18n/translate.ts";
import { Alert, Button } from "../ui/index.ts";
import { useHydrated } from "../ui/use-hydrated.ts";
import type { Option } from "./AssignmentForm.tsx";
import { sendJson } from "./send-json.ts";

export interface RegradeStrings {
  regradeVersion: string;
  regradeWho: string;
  everyone: string;
  startRegrade: string;
  starting: string;
  regradeProgress: string;
  regradeStatus: string;
  regradeDone: string;
  regradeFailedJobs: string;
  failed: string;
}

interface Progress {
  id: string;
  total: number;
  done: number;
  failed: number;
  percent: number;
  finished: boolean;
  version: number;
}

const POLL_MS = 1000;

export function RegradePanel(props: { startUrl: string; progressUrl: string; versions: Option[]; students: Option[]; activeRunId: string | null; strings: RegradeStrings }) {
  const s = props.strings;
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(props.activeRunId);
  const [progress, setProgress] = useState<Progress | null>(null);

  useEffect(() => {
    if (!runId) return;
    let stopped = false;
    let timer: number | undefined;
    const tick = async () => {
      try {
        const res = await fetch(`${props.progressUrl}/${encodeURIComponent(runId)}`, { headers: { accept: "application/json" }, cache: "no-store" });
        if (res.ok) {
          const p = (await res.json()) as Progress;
          if (stopped) return;
          setProgress(p);
          if (p.finished) return;
        }
      } catch {
        // A dropped poll is retried on the next tick.
      }
      if (!stopped) timer = window.setTimeout(() => void tick(), POLL_MS);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [runId, props.progressUrl]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const answer = await sendJson(props.startUrl, "POST", { exerciseVersionId: String(data.get("exerciseVersionId") ?? ""), userId: String(data.get("userId") ?? "") });
      if (answer.ok && typeof answer.body.id === "string") {
        setProgress(null);
        setRunId(answer.body.id);
      } else setError(answer.body.error?.message ?? s.failed);
    } catch {
      setError(s.failed);
    }
    setBusy(false);
  }

  return (
    <div className="assess-regrade">
      <form className="form assess-form" onSubmit={onSubmit} noValidate data-testid="regrade-form">
        <div className="field">
          <label htmlFor="r-version">{s.regradeVersion}</label>
          <select id="r-version" name="exerciseVersionId" className="input">
            {props.versions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="r-who">{s.regradeWho}</label>
          <select id="r-who" name="userId" className="input" defaultValue="">
            <option value="">{s.everyone}</option>
            {props.students.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Button type="submit" busy={busy} disabled={!hydrated || (progress !== null && !progress.finished) || (runId !== null && progress === null)}>
            {busy ? s.starting : s.startRegrade}
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {progress ? (
        <div className="assess-progress" data-testid="regrade-progress" data-percent={progress.percent} data-finished={progress.finished}>
          <label htmlFor="regrade-bar">{s.regradeProgress}</label>
          <progress id="regrade-bar" max={100} value={progress.percent} aria-valuetext={format(s.regradeStatus, { done: progress.done, total: progress.total })}>
            {progress.percent}%
          </progress>
          <p role="status" className="small">
            {progress.percent}% · {format(s.regradeStatus, { done: progress.done, total: progress.total })}
            {progress.finished ? <> · {format(s.regradeDone, { total: progress.total, version: progress.version })}</> : null}
            {progress.failed > 0 ? <> {format(s.regradeFailedJobs, { n: progress.failed })}</> : null}
          </p>
        </div>
      ) : null}
    </div>
  );
}
