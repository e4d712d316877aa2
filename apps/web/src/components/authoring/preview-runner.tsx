"use client";
// Preview as a student: the starter in the student's editor, graded on the grader against the
// saved draft (public and hidden tests, as a submission would be). The grade stays on the preview
// job: it is never a submission and never reaches the gradebook.
import { useRef, useState } from "react";
import type { PreviewJobResult } from "@course/exercise-kit/authoring";
import type { ExerciseMessages } from "../../lib/i18n/messages/exercise.ts";
import { format } from "../../lib/i18n/translate.ts";
import { CodeEditor, type CodeEditorHandle } from "../exercise/code-editor.tsx";
import { TestList } from "../exercise/test-list.tsx";
import { Alert, Button } from "../ui/index.ts";
import type { AuthoringText } from "./draft-editor.tsx";
import { useJob } from "./use-job.ts";

interface Props {
  courseSlug: string;
  draftId: string;
  starter: string;
  m: AuthoringText;
  em: ExerciseMessages;
}

export function PreviewRunner({ courseSlug, draftId, starter, m, em }: Props) {
  const api = `/api/courses/${courseSlug}/exercises`;
  const editor = useRef<CodeEditorHandle>(null);
  const code = useRef(starter);
  const job = useJob(api, null);
  const [empty, setEmpty] = useState(false);
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
