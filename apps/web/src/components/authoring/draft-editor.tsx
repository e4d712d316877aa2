"use client";
/**
 * The exercise editor: every part of the draft in tabs (statements with a live preview, starter,
 * reference and alternatives, tests, mutants and hints, exercise.json), saved as you type; Check
 * on the grader with live progress and its table; Publish once the check of the saved draft
 * passes, showing what changed since the last version; then attach the version to the course.
 */
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from "react";
import type { CheckJobResult, PublishJobResult } from "@course/exercise-kit/authoring";
import { bundleChanges } from "../../lib/authoring/changes.ts";
import type { JobView } from "../../lib/authoring/schemas.ts";
import type { authoringMessages } from "../../lib/i18n/messages/authoring.ts";
import { format } from "../../lib/i18n/translate.ts";
import { CodeEditor, type CodeEditorHandle } from "../exercise/code-editor.tsx";
import { Button, Badge } from "../ui/index.ts";
import { Link } from "../ui/Link.tsx";
import { postJson } from "./post-json.ts";
import { CheckReportView } from "./check-report.tsx";
import { useJob } from "./use-job.ts";

export type AuthoringText = (typeof authoringMessages)["en"];

interface Part {
  id: string;
  label: string;
  owns: (path: string) => boolean;
  add?: { folder: string; label: string };
  preview?: boolean;
  help?: string;
}

interface Props {
  courseSlug: string;
  draftId: string;
  exerciseSlug: string;
  initialFiles: Record<string, string>;
  savedHash: string;
  baseFiles: Record<string, string> | null;
  baseVersion: number | null;
  latestCheck: JobView | null;
  m: AuthoringText;
}

const FILE_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const AUTOSAVE_MS = 1200;

function partsOf(m: AuthoringText): Part[] {
  const named: Part[] = [
    {
      id: "statement-en",
      label: m.tabStatementEn,
      owns: (p) => p === "statement.en.md",
      preview: true,
    },
    {
      id: "statement-zh",
      label: m.tabStatementZh,
      owns: (p) => p === "statement.zh-CN.md",
      preview: true,
    },
    { id: "starter", label: m.tabStarter, owns: (p) => p === "starter.ts" },
    {
      id: "reference",
      label: m.tabReference,
      owns: (p) => p === "solution.ts" || p.startsWith("alternatives/"),
      add: { folder: "alternatives", label: m.addAlternative },
    },
    {
      id: "tests",
      label: m.tabTests,
      owns: (p) => p === "tests.ts" || p === "tests.zh-CN.json" || p === "equivalent-mutants.json",
    },
    {
      id: "mutants",
      label: m.tabMutants,
      owns: (p) => p.startsWith("mutants/"),
      add: { folder: "mutants", label: m.addMutant },
    },
    {
      id: "settings",
      label: m.tabSettings,
      owns: (p) => p === "exercise.json",
      help: m.settingsHelp,
    },
  ];
  return named;
}

/** Files of a part, the main one first (tests.ts before its translations, solution.ts before alternatives). */
function filesOf(part: Part, files: Record<string, string>): string[] {
  const rank = (p: string) =>
    p.endsWith(".ts") && !p.includes("/") ? 0 : p.endsWith(".ts") ? 1 : 2;
  return Object.keys(files)
    .filter(part.owns)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function DraftEditor(props: Props) {
  const { courseSlug, draftId, m } = props;
  const api = `/api/courses/${courseSlug}/exercises`;
  const uid = useId();
  const parts = useMemo(() => partsOf(m), [m]);
  const [files, setFiles] = useState(props.initialFiles);
  const filesRef = useRef(files);
  filesRef.current = files;
  const [active, setActive] = useState(parts[0]!.id);
  const [selected, setSelected] = useState<Record<string, string>>({});
  const [savedHash, setSavedHash] = useState(props.savedHash);
  const [save, setSave] = useState<{
    state: "saved" | "dirty" | "saving" | "error";
    message?: string;
  }>({ state: "saved" });
  const editorRef = useRef<CodeEditorHandle>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const version = useRef(0);

  const saveNow = useCallback(async (): Promise<string | null> => {
    clearTimeout(timer.current);
    const at = version.current;
    setSave({ state: "saving" });
    const r = await postJson<{ bundleHash: string }>(
      `${api}/drafts/${draftId}`,
      { files: filesRef.current },
      "PUT",
    );
    if (!r.ok) {
      setSave({ state: "error", message: r.message });
      return null;
    }
    setSavedHash(r.data.bundleHash);
    setSave(version.current === at ? { state: "saved" } : { state: "dirty" });
    return r.data.bundleHash;
  }, [api, draftId]);

  const update = useCallback(
    (path: string, text: string) => {
      if (filesRef.current[path] === text) return;
      version.current++;
      setFiles((f) => ({ ...f, [path]: text }));
      setSave({ state: "dirty" });
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    },
    [saveNow],
  );

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (save.state === "dirty" || save.state === "saving") e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [save.state]);

  const check = useJob(api, props.latestCheck);
  const publish = useJob(api, null);

  const startJob = async (job: ReturnType<typeof useJob>, body: unknown) => {
    const hash = save.state === "saved" ? savedHash : await saveNow();
    if (hash === null) return;
    await job.start(`${api}/drafts/${draftId}/jobs`, body);
  };

  const part = parts.find((p) => p.id === active)!;
  const partFiles = filesOf(part, files);
  const path =
    selected[part.id] && partFiles.includes(selected[part.id]!) ? selected[part.id]! : partFiles[0];

  const goTo = (file: string, line: number, column: number, message: string) => {
    const target = parts.find((p) => p.owns(file));
    if (!target) return;
    setActive(target.id);
    setSelected((s) => ({ ...s, [target.id]: file }));
    // The editor of that file mounts on the next render; mark the problem once it is there.
    setTimeout(() => {
      editorRef.current?.focus();
      if (line > 0) editorRef.current?.showErrors([{ message, line, column }]);
    }, 50);
  };

  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>, i: number) => {
    const next =
      e.key === "ArrowRight"
        ? (i + 1) % parts.length
        : e.key === "ArrowLeft"
          ? (i - 1 + parts.length) % parts.length
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? parts.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    setActive(parts[next]!.id);
    document.getElementById(`${uid}-tab-${parts[next]!.id}`)?.focus();
  };

  const checkResult =
    check.job?.status === "done" ? (check.job.result as CheckJobResult | null) : null;
  const checkFresh =
    check.job !== null && check.job.bundleHash === savedHash && save.state === "saved";
  const canPublish = checkResult?.ok === true && checkFresh;
  const changes = useMemo(
    () => bundleChanges(props.baseFiles ?? {}, files),
    [props.baseFiles, files],
  );
  const published =
    publish.job?.status === "done" ? (publish.job.result as PublishJobResult | null) : null;

  return (
    <div className="draft-editor">
      <p className="draft-save" role="status" data-testid="save-state" data-state={save.state}>
        {save.state === "saved"
          ? m.saved
          : save.state === "saving"
            ? m.saving
            : save.state === "dirty"
              ? m.unsaved
              : format(m.saveFailed, { message: save.message ?? "" })}
      </p>
      <div role="tablist" aria-label={m.partsLabel} className="draft-tabs">
        {parts.map((p, i) => (
          <button
            key={p.id}
            id={`${uid}-tab-${p.id}`}
            type="button"
            role="tab"
            aria-selected={p.id === active}
            aria-controls={`${uid}-panel`}
            tabIndex={p.id === active ? 0 : -1}
            className="draft-tab"
            data-part={p.id}
            onClick={() => setActive(p.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {p.label}
          </button>
        ))}
      </div>
      <div
        id={`${uid}-panel`}
        role="tabpanel"
        aria-labelledby={`${uid}-tab-${active}`}
        className="draft-panel"
      >
        {part.help ? <p className="small muted">{part.help}</p> : null}
        {partFiles.length > 1 || part.add ? (
          <FilePicker
            part={part}
            files={partFiles}
            selected={path}
            m={m}
            onSelect={(f) => setSelected((s) => ({ ...s, [part.id]: f }))}
            onAdd={(f) => {
              update(f, files["solution.ts"] ?? "");
              setSelected((s) => ({ ...s, [part.id]: f }));
            }}
            onRemove={(f) => {
              version.current++;
              setFiles(({ [f]: _gone, ...rest }) => rest);
              setSave({ state: "dirty" });
              clearTimeout(timer.current);
              timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
            }}
            exists={(f) => f in files}
          />
        ) : null}
        {path !== undefined ? (
          <div className={part.preview ? "draft-split" : undefined}>
            <div>
              <p className="draft-file">
                <code>{path}</code>
              </p>
              <CodeEditor
                key={path}
                ref={editorRef}
                initialCode={files[path] ?? ""}
                language={path.endsWith(".ts") ? "typescript" : "text"}
                label={format(m.editorLabel, { file: path })}
                help={m.editorHelp}
                loadingText={m.editorLoading}
                onChange={(code) => update(path, code)}
              />
            </div>
            {part.preview ? (
              <StatementPreview api={api} markdown={files[path] ?? ""} m={m} />
            ) : null}
          </div>
        ) : null}
      </div>

      <section className="card draft-check" aria-labelledby={`${uid}-check-h`}>
        <h2 id={`${uid}-check-h`}>{m.check}</h2>
        <p className="small muted">{m.checkLead}</p>
        <div className="draft-actions">
          <Button
            onClick={() => void startJob(check, { kind: "check" })}
            busy={check.running}
            data-testid="run-check"
          >
            {check.running ? m.checking : m.check}
          </Button>
          <Link
            className="btn btn-secondary"
            href={`/courses/${courseSlug}/exercises/drafts/${draftId}/preview`}
          >
            {m.previewAsStudent}
          </Link>
        </div>
        <div aria-live="polite" data-testid="check-progress" className="small">
          {check.running
            ? check.job === null || check.job.progress.length === 0
              ? m.checkQueued
              : format(m.checkProgress, {
                  n: check.job.progress.length,
                  last: check.job.progress.at(-1) ?? "",
                })
            : null}
        </div>
        {check.error ? (
          <p role="alert" className="error">
            {check.error}
          </p>
        ) : null}
        {check.job?.status === "failed" ? (
          <p role="alert" className="error">
            {format(m.jobFailed, { message: check.job.error ?? "" })}
          </p>
        ) : null}
        {checkResult ? (
          <CheckReportView result={checkResult} stale={!checkFresh} m={m} onGoTo={goTo} />
        ) : null}
      </section>

      <section className="card draft-publish" aria-labelledby={`${uid}-publish-h`}>
        <h2 id={`${uid}-publish-h`}>{m.publish}</h2>
        <p className="small muted">{m.publishLead}</p>
        <details className="draft-changes" data-testid="changes">
          <summary>
            {props.baseVersion === null
              ? m.changesFirst
              : changes.length === 0
                ? format(m.noChanges, { n: props.baseVersion })
                : format(m.changesSince, { n: props.baseVersion })}
          </summary>
          {props.baseVersion === null ? null : (
            <ul>
              {changes.map((c) => (
                <li key={c.path} data-file={c.path}>
                  <code>{c.path}</code>{" "}
                  <Badge tone="info">
                    {c.status === "added"
                      ? m.fileAdded
                      : c.status === "removed"
                        ? m.fileRemoved
                        : m.fileChanged}
                  </Badge>{" "}
                  <span className="small muted">
                    {format(m.linesChanged, { added: c.added, removed: c.removed })}
                  </span>
                  <pre className="draft-diff">
                    {c.lines.map((l, i) => (
                      <span
                        key={i}
                        className={
                          l.startsWith("+")
                            ? "diff-add"
                            : l.startsWith("-")
                              ? "diff-del"
                              : l.startsWith("@@")
                                ? "diff-hunk"
                                : undefined
                        }
                      >
                        {l}
                        {"\n"}
                      </span>
                    ))}
                  </pre>
                </li>
              ))}
            </ul>
          )}
        </details>
        {!canPublish ? (
          <p className="small" data-testid="publish-blocked">
            {checkResult !== null && !checkFresh ? m.checkStale : m.publishNeedsCheck}
          </p>
        ) : null}
        <Button
          onClick={() => void startJob(publish, { kind: "publish" })}
          disabled={!canPublish}
          busy={publish.running}
          data-testid="publish"
        >
          {publish.running ? m.publishing : m.publish}
        </Button>
        {publish.error ? (
          <p role="alert" className="error">
            {publish.error}
          </p>
        ) : null}
        {publish.job?.status === "failed" ? (
          <p role="alert" className="error">
            {format(m.jobFailed, { message: publish.job.error ?? "" })}
          </p>
        ) : null}
        {published ? (
          <Published
            courseSlug={courseSlug}
            exerciseSlug={props.exerciseSlug}
            result={published}
            m={m}
          />
        ) : null}
      </section>
    </div>
  );
}

function FilePicker(props: {
  part: Part;
  files: string[];
  selected: string | undefined;
  m: AuthoringText;
  onSelect: (f: string) => void;
  /** Adds the file as a copy of the reference: a mutant or an alternative starts from it. */
  onAdd: (f: string) => void;
  onRemove: (f: string) => void;
  exists: (f: string) => boolean;
}) {
  const { part, files, selected, m } = props;
  const id = useId();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const removable = (f: string) =>
    part.add !== undefined && f.startsWith(`${part.add.folder}/`) && f.endsWith(".ts");
  return (
    <div className="draft-files">
      <ul aria-label={m.filesLabel} className="draft-file-list">
        {files.map((f) => (
          <li key={f}>
            <Button
              variant={f === selected ? "primary" : "ghost"}
              size="small"
              aria-pressed={f === selected}
              onClick={() => props.onSelect(f)}
            >
              {f}
            </Button>
            {removable(f) ? (
              <Button
                variant="ghost"
                size="small"
                aria-label={format(m.removeFile, { file: f })}
                onClick={() => props.onRemove(f)}
              >
                ×
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {part.add ? (
        <form
          className="draft-add"
          onSubmit={(e) => {
            e.preventDefault();
            const n = name.trim();
            if (!FILE_NAME.test(n)) return setError(m.badFileName);
            const file = `${part.add!.folder}/${n}.ts`;
            if (props.exists(file)) return setError(format(m.fileExists, { file }));
            setError(null);
            setName("");
            props.onAdd(file);
          }}
        >
          <label htmlFor={`${id}-name`}>{m.newFileName}</label>
          <input
            id={`${id}-name`}
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
          />
          <Button type="submit" variant="secondary" size="small">
            {part.add.label}
          </Button>
          {error ? (
            <span id={`${id}-err`} className="error" role="alert">
              {error}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function StatementPreview({
  api,
  markdown,
  m,
}: {
  api: string;
  markdown: string;
  m: AuthoringText;
}) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setBusy(true);
    const t = setTimeout(async () => {
      const r = await postJson<{ html: string }>(`${api}/render`, { markdown });
      setBusy(false);
      if (r.ok) {
        setHtml(r.data.html);
        setError(null);
      } else setError(r.message);
    }, 400);
    return () => clearTimeout(t);
  }, [api, markdown]);
  return (
    <section className="draft-preview" aria-label={m.livePreview} aria-busy={busy}>
      <h3 className="small muted">{m.livePreview}</h3>
      {error ? <p className="error">{format(m.previewFailed, { message: error })}</p> : null}
      {html !== null ? (
        <div
          className="exercise-statement"
          data-testid="statement-preview"
          dangerouslySetInnerHTML={{ __html: html }}
        />
      ) : (
        <p className="small muted">{m.previewUpdating}</p>
      )}
    </section>
  );
}

function Published({
  courseSlug,
  exerciseSlug,
  result,
  m,
}: {
  courseSlug: string;
  exerciseSlug: string;
  result: PublishJobResult;
  m: AuthoringText;
}) {
  const [state, setState] = useState<
    { kind: "idle" | "busy" | "done" } | { kind: "error"; message: string }
  >({ kind: "idle" });
  return (
    <div className="draft-published" data-testid="published" data-version={result.version}>
      <p role="status">
        {format(result.created ? m.published : m.publishUnchanged, { n: result.version })}
      </p>
      {state.kind === "done" ? (
        <p role="status" data-testid="assigned">
          {format(m.assigned, { n: result.version })}{" "}
          <Link href={`/courses/${courseSlug}/assignments/${exerciseSlug}`}>
            {m.openAssignment}
          </Link>
        </p>
      ) : (
        <Button
          variant="secondary"
          busy={state.kind === "busy"}
          data-testid="assign"
          onClick={async () => {
            setState({ kind: "busy" });
            const r = await postJson(
              `/api/courses/${courseSlug}/exercises/versions/${result.versionId}/assign`,
              {},
            );
            setState(r.ok ? { kind: "done" } : { kind: "error", message: r.message });
          }}
        >
          {state.kind === "busy" ? m.assigning : format(m.assign, { n: result.version })}
        </Button>
      )}
      {state.kind === "error" ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}
