"use client";
/**
 * The code editor island. A plain textarea is usable at once (first paint does not wait for the
 * editor bundle); CodeMirror replaces it, keeping what was typed and the caret, once the editor
 * comes near the viewport or the learner reaches for it (pointer, touch, focus). On a phone the
 * statement comes first, so reading it never pays for the editor's 170 KB.
 */
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from "react";
import type { EditorHandle } from "./codemirror.ts";

export interface CodeEditorHandle {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  showErrors(errors: { message: string; line: number | null; column: number | null }[]): void;
}

interface Props {
  initialCode: string;
  label: string;
  help: string;
  loadingText: string;
  onChange: (code: string) => void;
  /** TypeScript (default) or plain text. */
  language?: "typescript" | "text";
  /** Called once CodeMirror has replaced the textarea: the learner is about to work on code. */
  onReady?: () => void;
}

export const CodeEditor = forwardRef<CodeEditorHandle, Props>(function CodeEditor(props, ref) {
  const { initialCode, label, help, loadingText, onChange } = props;
  const helpId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<EditorHandle | null>(null);
  const codeRef = useRef(initialCode);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const languageRef = useRef(props.language);
  const onReadyRef = useRef(props.onReady);
  onReadyRef.current = props.onReady;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    let cancelled = false;
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      observer?.disconnect();
      void import("./codemirror.ts").then(({ createEditor }) => {
        if (cancelled || !hostRef.current) return;
        const textarea = textareaRef.current;
        const hadFocus = textarea !== null && document.activeElement === textarea;
        // Text typed before hydration reached the DOM but no change handler: take it from there.
        if (textarea !== null && textarea.value !== codeRef.current) {
          codeRef.current = textarea.value;
          onChangeRef.current(textarea.value);
        }
        editorRef.current = createEditor({
          parent: hostRef.current,
          code: codeRef.current,
          cursor: textarea?.selectionStart ?? 0,
          label,
          describedBy: helpId,
          ...(languageRef.current === undefined ? {} : { language: languageRef.current }),
          onChange: (code) => {
            codeRef.current = code;
            onChangeRef.current(code);
          },
        });
        setReady(true);
        if (hadFocus) editorRef.current.focus();
        onReadyRef.current?.();
      });
    };
    const observer =
      typeof IntersectionObserver === "function"
        ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {
            rootMargin: "200px",
          })
        : null;
    if (observer) observer.observe(root);
    else start();
    const intents = ["pointerenter", "touchstart", "focusin"] as const;
    for (const type of intents) root.addEventListener(type, start, { passive: true });
    return () => {
      cancelled = true;
      observer?.disconnect();
      for (const type of intents) root.removeEventListener(type, start);
      editorRef.current?.destroy();
      editorRef.current = null;
    };
  }, [label, helpId]);

  useImperativeHandle(
    ref,
    () => ({
      getCode: () => editorRef.current?.getCode() ?? codeRef.current,
      setCode: (code) => {
        codeRef.current = code;
        if (editorRef.current) editorRef.current.setCode(code);
        else if (textareaRef.current) textareaRef.current.value = code;
        onChangeRef.current(code);
      },
      focus: () => (editorRef.current ? editorRef.current.focus() : textareaRef.current?.focus()),
      showErrors: (errors) => editorRef.current?.showErrors(errors),
    }),
    [],
  );

  return (
    <div ref={rootRef} className="exercise-editor" data-editor-ready={ready ? "true" : "false"}>
      <div ref={hostRef} className="exercise-editor__host" />
      {!ready && (
        <textarea
          ref={textareaRef}
          className="exercise-editor__fallback"
          aria-label={label}
          aria-describedby={helpId}
          defaultValue={initialCode}
          spellCheck={false}
          rows={18}
          onChange={(e) => {
            codeRef.current = e.target.value;
            onChangeRef.current(e.target.value);
          }}
        />
      )}
      <p id={helpId} className="exercise-editor__help">
        {help}
        {!ready && <span className="exercise-editor__loading"> {loadingText}</span>}
      </p>
    </div>
  );
});
