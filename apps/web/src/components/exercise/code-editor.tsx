"use client";
/**
 * The code editor island. A plain textarea is usable at once (first paint does not wait for the
 * editor bundle); CodeMirror replaces it as soon as its chunk has loaded, keeping what was typed.
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
}

export const CodeEditor = forwardRef<CodeEditorHandle, Props>(function CodeEditor(props, ref) {
  const { initialCode, label, help, loadingText, onChange } = props;
  const helpId = useId();
  const hostRef = useRef<HTMLDivElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const editorRef = useRef<EditorHandle | null>(null);
  const codeRef = useRef(initialCode);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void import("./codemirror.ts").then(({ createEditor }) => {
      if (cancelled || !hostRef.current) return;
      const hadFocus = document.activeElement === textareaRef.current;
      editorRef.current = createEditor({
        parent: hostRef.current,
        code: codeRef.current,
        label,
        describedBy: helpId,
        onChange: (code) => {
          codeRef.current = code;
          onChangeRef.current(code);
        },
      });
      setReady(true);
      if (hadFocus) editorRef.current.focus();
    });
    return () => {
      cancelled = true;
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
    <div className="exercise-editor" data-editor-ready={ready ? "true" : "false"}>
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
