/**
 * The CodeMirror 6 editor, bundled locally and loaded with a dynamic import() by CodeEditor so the
 * page's first paint does not wait for it. Tab indents; Escape then Tab leaves the editor
 * (CodeMirror's tab-focus mode), which the help text under the editor says.
 */
import {
  autocompletion,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { javascript } from "@codemirror/lang-javascript";
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from "@codemirror/language";
import { lintGutter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { EditorState } from "@codemirror/state";
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";

export interface EditorHandle {
  getCode(): string;
  setCode(code: string): void;
  focus(): void;
  showErrors(errors: { message: string; line: number | null; column: number | null }[]): void;
  destroy(): void;
}

export interface EditorOptions {
  parent: HTMLElement;
  code: string;
  label: string;
  describedBy?: string;
  readOnly?: boolean;
  /** TypeScript (the default) or plain text (Markdown, JSON: no misleading "invalid" tokens). */
  language?: "typescript" | "text";
  /** Where the cursor starts (the fallback textarea's caret when the editor replaces it). */
  cursor?: number;
  onChange: (code: string) => void;
}

const theme = EditorView.theme({
  "&": {
    fontSize: "14px",
    border: "1px solid var(--border, #c8ccd4)",
    borderRadius: "6px",
    background: "var(--surface, #fff)",
  },
  "&.cm-focused": { outline: "2px solid var(--focus, #2563eb)", outlineOffset: "1px" },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
    minHeight: "18rem",
    maxHeight: "70vh",
  },
  ".cm-content": { paddingBottom: "1rem" },
});

export function createEditor(opts: EditorOptions): EditorHandle {
  const attrs: Record<string, string> = { "aria-label": opts.label, "aria-multiline": "true" };
  if (opts.describedBy) attrs["aria-describedby"] = opts.describedBy;
  const state = EditorState.create({
    doc: opts.code,
    selection: { anchor: Math.min(Math.max(0, opts.cursor ?? 0), opts.code.length) },
    extensions: [
      lineNumbers(),
      highlightActiveLineGutter(),
      history(),
      drawSelection(),
      indentOnInput(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      bracketMatching(),
      closeBrackets(),
      autocompletion(),
      highlightActiveLine(),
      highlightSelectionMatches(),
      lintGutter(),
      opts.language === "text" ? [] : javascript({ typescript: true }),
      keymap.of([
        ...closeBracketsKeymap,
        ...defaultKeymap,
        ...searchKeymap,
        ...historyKeymap,
        ...completionKeymap,
        indentWithTab,
      ]),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of(attrs),
      EditorState.readOnly.of(opts.readOnly ?? false),
      theme,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) opts.onChange(u.state.doc.toString());
      }),
    ],
  });
  const view = new EditorView({ state, parent: opts.parent });
  return {
    getCode: () => view.state.doc.toString(),
    setCode: (code) =>
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    focus: () => view.focus(),
    showErrors: (errors) => {
      const doc = view.state.doc;
      const diagnostics: Diagnostic[] = errors.map((e) => {
        const line = doc.line(Math.min(Math.max(1, e.line ?? 1), doc.lines));
        const from = Math.min(line.from + Math.max(0, (e.column ?? 1) - 1), line.to);
        return { from, to: Math.max(from, line.to), severity: "error", message: e.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    destroy: () => view.destroy(),
  };
}
