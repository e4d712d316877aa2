"use client";
// Preview as a student: the starter in the student's editor, graded on the grader against the
// saved draft (public and hidden tests, as a submission would be). The grade stays on the preview
// job: it is never a submission and never reaches the gradebook.
import { useEffect, useRef, useState } from "react";
import type { PreviewJobResult } from "@course/exercise-kit/authoring";
import type { ExerciseMessages } from "../../lib/i18n/messages/exercise.ts";
import { format } from "../../lib/i18n/translate.ts";
import { CodeEditor, type CodeEditorHandle } from "../exercise/code-editor.tsx";
import { fetchJson } from "../exercise/fetch-json.ts";
import { PublicRunner, RunTimeoutError } from "../exercise/public-runner.ts";
import { TestList } from "../exercise/test-list.tsx";
import { Alert, Button } from "../ui/index.ts";
import type { AuthoringText } from "./draft-editor.tsx";
import { useJob } from "./use-job.ts";

/** The draft's public calls (inputs only) and limits, from its latest check; null before one. */
export interface PreviewPublicTests {
  calls: unknown[];
  bans: string[];
  allow: string[];
  wallMs: number;
}

type PreCheck =
  | { kind: "idle" }
  | { kind: "running" }
  | { kind: "error"; message: string }
  | {
      kind: "done";
      tests: {
        name: string;
        passed: boolean;
        points: number;
        maxPoints: number;
        message: string | null;
      }[];
      loadError: string | null;
    };

interface Props {
  courseSlug: string;
  draftId: string;
  starter: string;
  publicTests: PreviewPublicTests | null;
  m: AuthoringText;
  em: ExerciseMessages;
}

export function PreviewRunner({ courseSlug, draftId, starter, publicTests, m, em }: Props) {
  const api = `/api/courses/${courseSlug}/exercises`;
  const editor = useRef<CodeEditorHandle>(null);
  const code = useRef(starter);
  const job = useJob(api, null);
  const [empty, setEmpty] = useState(false);
  const [pre, setPre] = useState<PreCheck>({ kind: "idle" });
  const runner = useRef<PublicRunner | null>(null);
  useEffect(() => () => runner.current?.dispose(), []);

  // The pre-check a student runs: the draft's public tests in this browser, in a Web Worker,
  // scored on the server against the expected values of the draft's check.
  async function runPublic(tests: PreviewPublicTests) {
    const source = editor.current?.getCode() ?? code.current;
    setPre({ kind: "running" });
    try {
      const compiled = await fetchJson("/api/compile", (s) => s.CompileResultSchema, {
        method: "POST",
        body: { source },
      });
      if (!compiled.ok) {
        editor.current?.showErrors(compiled.errors);
        setPre({
          kind: "error",
          message: compiled.errors
            .map((e) => `${e.line ?? "?"}:${e.column ?? "?"} ${e.message}`)
            .join("\n"),
        });
        return;
      }
      const r = runner.current ?? new PublicRunner();
      runner.current = r;
      const output = await r.run(
        { code: compiled.code, bans: tests.bans, allow: tests.allow, calls: tests.calls },
        tests.wallMs,
      );
      const outcome = await fetchJson(
        `${api}/drafts/${draftId}/public-score`,
        (s) => s.PublicScoreResultSchema,
        {
          method: "POST",
          body: {
            realm: output.realm,
            sourceMap: compiled.sourceMap,
            durationMs: output.durationMs,
          },
        },
      );
      setPre({ kind: "done", tests: outcome.tests, loadError: outcome.loadError });
    } catch (e) {
      setPre({
        kind: "error",
        message:
          e instanceof RunTimeoutError
            ? format(em.runTimeout, { seconds: e.seconds })
            : format(em.runFailed, { message: (e as Error).message }),
      });
    }
  }
  const result = job.job?.status === "done" ? (job.job.result as PreviewJobResult | null) : null;
  const report = result?.report ?? null;
  return (
    <div className="preview-runner">
      <CodeEditor
        ref={editor}
        initialCode={starter}
        label={em.editorLabel}
        help={em.editorHelp}
        loadingText={em.editorLoading}
        onChange={(c) => (code.current = c)}
      />
      <div className="draft-actions">
        {publicTests ? (
          <Button
            variant="secondary"
            data-testid="preview-run-public"
            busy={pre.kind === "running"}
            onClick={() => void runPublic(publicTests)}
          >
            {pre.kind === "running" ? em.running : em.runPublic}
          </Button>
        ) : null}
        <Button
          data-testid="preview-grade"
          busy={job.running}
          onClick={() => {
            const source = editor.current?.getCode() ?? code.current;
            setEmpty(source.trim() === "");
            if (source.trim() !== "")
              void job.start(`${api}/drafts/${draftId}/jobs`, { kind: "preview", code: source });
          }}
        >
          {job.running ? m.previewGrading : m.previewGrade}
        </Button>
      </div>
      <div aria-live="polite" data-testid="preview-public-result" data-state={pre.kind}>
        {pre.kind === "error" ? <pre className="error">{pre.message}</pre> : null}
        {pre.kind === "done" ? (
          <>
            {pre.loadError ? <pre className="error">{pre.loadError}</pre> : null}
            <TestList tests={pre.tests} m={em} testId="preview-public-tests-run" />
          </>
        ) : null}
      </div>
      <div aria-live="polite">
        {empty ? <p className="error">{m.previewEmpty}</p> : null}
        {job.error ? (
          <p role="alert" className="error">
            {job.error}
          </p>
        ) : null}
        {job.job?.status === "failed" ? (
          <p role="alert" className="error">
            {format(m.jobFailed, { message: job.job.error ?? "" })}
          </p>
        ) : null}
        {result && result.problems.length > 0 ? (
          <Alert tone="error">
            {result.problems
              .map((p) => `${p.file}${p.line > 0 ? `:${p.line}:${p.column}` : ""} ${p.message}`)
              .join("\n")}
          </Alert>
        ) : null}
        {report ? (
          <div
            data-testid="preview-result"
            data-status={report.status}
            data-score={report.score}
            data-max={report.maxScore}
          >
            <p>
              <strong>
                {format(m.previewResult, {
                  score: report.score,
                  max: report.maxScore,
                  status: report.status,
                })}
              </strong>
            </p>
            {report.message ? <pre className="exercise-test__message">{report.message}</pre> : null}
            <TestList
              tests={report.tests.map((t) => ({
                name: t.name,
                passed: t.passed,
                points: t.points,
                maxPoints: t.maxPoints,
                message: t.message ?? null,
              }))}
              m={em}
              testId="preview-tests"
            />
          </div>
        ) : null}
      </div>
    </div>
  );
}
