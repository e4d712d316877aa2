"use client";
/**
 * The interactive part of the exercise page: editor with autosaved draft, public tests run in a
 * Web Worker, and Submit with live grading status. Everything else on the page is server-rendered.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { DraftChoice } from "../../lib/exercise/draft-local.ts";
import type { CompileResult, DraftView, PublicScoreResult, PublicTestsResponse, SubmissionView } from "../../lib/exercise/schemas.ts";
import type { WindowState } from "../../lib/exercise/window-state.ts";
import type { ExerciseMessages } from "../../lib/i18n/messages/exercise.ts";
import { format } from "../../lib/i18n/translate.ts";
import { Button } from "../ui/Button.tsx";
import { CodeEditor, type CodeEditorHandle } from "./code-editor.tsx";
import "./exercise.css";
import { ApiCallError, fetchJson } from "./fetch-json.ts";
import { PublicRunner, RunTimeoutError } from "./public-runner.ts";
import { SubmissionResult, statusText } from "./submission-result.tsx";
import { TestList, round } from "./test-list.tsx";
import { useDraft, type SaveState } from "./use-draft.ts";
import { submitLive } from "./submit-live.ts";
import { useSubmissionLive } from "./use-submission-live.ts";

export interface WorkspaceProps {
  userId: string;
  assignmentId: string;
  exerciseId: string;
  starter: string;
  serverDraft: DraftView | null;
  window: WindowState;
  /** The window's dates, formatted on the server in the reader's language (Intl is slow to start on a phone). */
  dates: Record<"opensAt" | "dueAt" | "lateDueAt", string | null>;
  latest: SubmissionView | null;
  historyHref: string;
  locale: string;
  m: ExerciseMessages;
}

type RunState =
  | { kind: "idle" }
  | { kind: "running"; preparing: boolean }
  | { kind: "compile_error"; result: Extract<CompileResult, { ok: false }> }
  | { kind: "done"; outcome: PublicScoreResult; logs: string[] }
  | { kind: "error"; message: string };

function saveText(m: ExerciseMessages, s: SaveState): string {
  switch (s.kind) {
    case "idle":
      return m.saveIdle;
    case "saving":
      return m.saveSaving;
    case "saved":
      return m.saveSaved;
    case "offline":
      return m.saveOffline;
    case "error":
      return format(m.saveError, { message: s.message });
  }
}

export function ExerciseWorkspace(props: WorkspaceProps) {
  const { m, assignmentId, exerciseId } = props;
  const editor = useRef<CodeEditorHandle>(null);
  const runner = useRef<PublicRunner | null>(null);
  const fixtures = useRef<PublicTestsResponse | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [restoredNotice, setRestoredNotice] = useState(false);
  const [run, setRun] = useState<RunState>({ kind: "idle" });
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [duplicateOf, setDuplicateOf] = useState<{ attemptNumber: number; href: string } | null>(null);
  const [attemptsUsed, setAttemptsUsed] = useState(props.window.attemptsUsed);
  const live = useSubmissionLive(props.latest);
  const { submission, error: pollError } = live;

  const onRestore = useCallback((choice: DraftChoice) => {
    editor.current?.setCode(choice.code);
    setRestoredNotice(true);
  }, []);
  const draft = useDraft({ userId: props.userId, assignmentId, starter: props.starter, serverDraft: props.serverDraft, onRestore });

  // Warm the worker (tfjs) shortly after the editor is up, so the first run does not wait for it
  // and a learner who only reads the statement never downloads it.
  const warmTimer = useRef<number | null>(null);
  useEffect(() => {
    const r = new PublicRunner();
    runner.current = r;
    return () => {
      if (warmTimer.current !== null) window.clearTimeout(warmTimer.current);
      r.dispose();
      runner.current = null;
    };
  }, []);
  const warmRunner = useCallback(() => {
    if (warmTimer.current !== null) return;
    warmTimer.current = window.setTimeout(() => runner.current?.warm(), 1000);
  }, []);

  // Announce grading status changes to screen readers.
  const lastStatus = useRef<string | null>(props.latest ? `${props.latest.id}:${props.latest.status}` : null);
  useEffect(() => {
    if (!submission) return;
    const k = `${submission.id}:${submission.status}`;
    if (k === lastStatus.current) return;
    lastStatus.current = k;
    let text = format(m.announceStatus, { n: submission.attemptNumber, status: statusText(m, submission.status) });
    if (submission.status === "graded" && submission.score !== null) {
      text += `. ${format(m.score, { score: round(submission.score), points: round(submission.points) })}`;
    }
    setAnnouncement(text);
  }, [submission, m]);

  async function runPublic() {
    const code = editor.current?.getCode() ?? "";
    setRun({ kind: "running", preparing: false });
    setAnnouncement(m.running);
    try {
      const [compiled, fx] = await Promise.all([
        fetchJson("/api/compile", (s) => s.CompileResultSchema, { method: "POST", body: { source: code } }),
        fixtures.current ?? fetchJson(`/api/exercises/${encodeURIComponent(exerciseId)}/public-tests`, (s) => s.PublicTestsResponseSchema),
      ]);
      fixtures.current = fx;
      if (!compiled.ok) {
        editor.current?.showErrors(compiled.errors);
        setRun({ kind: "compile_error", result: compiled });
        setAnnouncement(m.compileFailed);
        return;
      }
      editor.current?.showErrors([]);
      const r = runner.current ?? new PublicRunner();
      runner.current = r;
      const output = await r.run({ code: compiled.code, bans: fx.bans, allow: fx.allow, calls: fx.calls }, fx.wallMs, () =>
        setRun({ kind: "running", preparing: true }),
      );
      const outcome = await fetchJson(`/api/exercises/${encodeURIComponent(exerciseId)}/public-tests/score`, (s) => s.PublicScoreResultSchema, {
        method: "POST",
        body: { realm: output.realm, sourceMap: compiled.sourceMap, durationMs: output.durationMs },
      });
      setRun({ kind: "done", outcome, logs: output.realm.logs });
      const passed = outcome.tests.filter((t) => t.passed).length;
      setAnnouncement(format(m.publicSummary, { passed, total: outcome.tests.length }));
    } catch (e) {
      const message = e instanceof RunTimeoutError ? format(m.runTimeout, { seconds: e.seconds }) : format(m.runFailed, { message: (e as Error).message });
      setRun({ kind: "error", message });
      setAnnouncement(message);
    }
  }

  const w = props.window;
  const attemptsLeft = w.maxAttempts === null ? null : Math.max(0, w.maxAttempts - attemptsUsed);
  const blockedBy = w.blockedBy ?? (attemptsLeft === 0 ? "attempts_exhausted" : null);
  const blockReason =
    blockedBy === null
      ? null
      : format(m[`block_${blockedBy}`], {
          date: (blockedBy === "not_open" ? props.dates.opensAt : (props.dates.lateDueAt ?? props.dates.dueAt)) ?? "",
          max: w.maxAttempts ?? 0,
        });
  const grading = submission !== null && (submission.status === "queued" || submission.status === "running");

  async function submit() {
    if (blockedBy !== null || submitting) return;
    if (w.lateNow && !window.confirm(format(m.submitConfirmLate, { penalty: round(w.latePenalty * 100) }))) return;
    const code = editor.current?.getCode() ?? "";
    setSubmitting(true);
    setSubmitError(null);
    setDuplicateOf(null);
    let draftSavedAt: string | undefined;
    try {
      await draft.hold();
      live.setAnswerStreaming(true);
      const { created, followed } = await submitLive(`/api/assignments/${encodeURIComponent(assignmentId)}/submissions`, code, live.show);
      void followed.finally(() => live.setAnswerStreaming(false));
      draftSavedAt = created.draftSavedAt;
      // One more charged attempt (attempt numbers also count uncharged infrastructure failures).
      setAttemptsUsed((n) => n + 1);
    } catch (e) {
      live.setAnswerStreaming(false);
      if (e instanceof ApiCallError && e.code === "duplicate" && e.match) {
        const text = format(m.duplicateAttempt, { n: e.match.attemptNumber });
        setDuplicateOf({ attemptNumber: e.match.attemptNumber, href: e.match.href });
        setAnnouncement(text);
        return;
      }
      setSubmitError((e as Error).message);
      setAnnouncement((e as Error).message);
    } finally {
      draft.submitted(code, draftSavedAt);
      setSubmitting(false);
    }
  }

  return (
    <div className="exercise-workspace" data-testid="workspace" data-assignment-id={assignmentId}>
      <p role="status" aria-live="polite" className="visually-hidden" data-testid="live-region">
        {announcement}
      </p>
      {restoredNotice && <p className="exercise-notice">{m.restoredLocal}</p>}
      <CodeEditor ref={editor} initialCode={props.serverDraft?.code ?? props.starter} label={m.editorLabel} help={m.editorHelp} loadingText={m.editorLoading} onChange={draft.change} onReady={warmRunner} />
      <div className="exercise-toolbar">
        <span className={`exercise-save exercise-save--${draft.state.kind}`} data-testid="save-state" data-state={draft.state.kind}>
          {saveText(m, draft.state)}
        </span>
        <Button
          variant="ghost"
          size="small"
          onClick={() => {
            if (window.confirm(m.resetConfirm)) editor.current?.setCode(props.starter);
          }}
        >
          {m.resetStarter}
        </Button>
      </div>

      <div className="exercise-actions">
        <Button variant="secondary" onClick={() => void runPublic()} busy={run.kind === "running"}>
          {run.kind === "running" ? m.running : m.runPublic}
        </Button>
        <Button onClick={() => void submit()} disabled={blockedBy !== null || grading} busy={submitting} aria-describedby="submit-window">
          {submitting ? m.submitting : m.submit}
        </Button>
        <a className="exercise-link" href={props.historyHref}>
          {m.history}
        </a>
      </div>

      <div id="submit-window" className="exercise-window" data-testid="submit-window">
        <p>
          {attemptsLeft === null ? m.attemptsUnlimited : format(m.attemptsLeft, { left: attemptsLeft, max: w.maxAttempts ?? 0 })}
          {" · "}
          {props.dates.dueAt ? format(m.due, { date: props.dates.dueAt }) : m.noDue}
        </p>
        {w.extended && (
          <p className="exercise-notice" data-testid="extension-note">
            {m.extendedForYou}
          </p>
        )}
        {props.dates.lateDueAt && w.latePenalty > 0 && blockedBy === null && !w.lateNow && (
          <p className="exercise-muted">{format(m.lateUntil, { date: props.dates.lateDueAt, penalty: round(w.latePenalty * 100) })}</p>
        )}
        {w.lateNow && blockedBy === null && (
          <p className="exercise-warning" data-testid="late-warning">
            {format(m.lateNow, { penalty: round(w.latePenalty * 100) })}
          </p>
        )}
        {blockReason && (
          <p className="exercise-warning" data-testid="submit-blocked" data-reason={blockedBy ?? ""}>
            {blockReason}
          </p>
        )}
      </div>

      {duplicateOf && (
        <p className="exercise-notice" role="status" data-testid="submit-duplicate" data-attempt={duplicateOf.attemptNumber}>
          {format(m.duplicateAttempt, { n: duplicateOf.attemptNumber })}{" "}
          <a className="exercise-link" href={duplicateOf.href}>
            {format(m.duplicateOpen, { n: duplicateOf.attemptNumber })}
          </a>
        </p>
      )}
      {submitError && (
        <p className="exercise-error" role="alert" data-testid="submit-error">
          {submitError}
        </p>
      )}

      <section className="exercise-panel" aria-labelledby="public-results-h" data-testid="public-results">
        <h3 id="public-results-h" className="exercise-h3">
          {m.publicResults}
        </h3>
        <p className="exercise-muted">{m.publicNote}</p>
        <PublicRunView run={run} m={m} />
      </section>

      {submission && (
        <section className="exercise-panel" aria-labelledby="latest-h">
          <h3 id="latest-h" className="exercise-h3">
            {m.lastResult}
          </h3>
          <SubmissionResult s={submission} m={m} announce />
          {pollError && <p className="exercise-error">{format(m.networkError, { message: pollError })}</p>}
        </section>
      )}
    </div>
  );
}

function PublicRunView({ run, m }: { run: RunState; m: ExerciseMessages }) {
  switch (run.kind) {
    case "idle":
      return null;
    case "running":
      return <p aria-busy="true">{run.preparing ? m.runPreparing : m.running}</p>;
    case "error":
      return (
        <p className="exercise-error" role="alert" data-testid="run-error">
          {run.message}
        </p>
      );
    case "compile_error":
      return (
        <div className="exercise-error" data-testid="compile-errors">
          <p>{m.compileFailed}</p>
          <ul>
            {run.result.errors.map((e, i) => (
              <li key={i}>
                {e.line !== null ? `${e.line}:${e.column ?? 1} ` : ""}
                {e.message}
              </li>
            ))}
          </ul>
        </div>
      );
    case "done": {
      const passed = run.outcome.tests.filter((t) => t.passed).length;
      return (
        <div data-testid="public-summary" data-status={run.outcome.status}>
          <p>
            <strong>{format(m.publicSummary, { passed, total: run.outcome.tests.length })}</strong> · {run.outcome.durationMs} ms
          </p>
          {run.outcome.loadError && <pre className="exercise-error">{format(m.loadError, { message: run.outcome.loadError })}</pre>}
          <TestList tests={run.outcome.tests} m={m} testId="public-tests" />
          {run.logs.length > 0 && (
            <details>
              <summary>{m.logs}</summary>
              <pre className="exercise-logs">{run.logs.join("\n")}</pre>
            </details>
          )}
        </div>
      );
    }
  }
}
