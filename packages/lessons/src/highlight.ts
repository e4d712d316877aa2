// Server-side syntax highlighting of code fences with highlight.js.
import hljs from "highlight.js";

/** Fence languages we highlight, mapped to highlight.js names. */
const languages: Readonly<Record<string, string>> = {
  ts: "typescript",
  typescript: "typescript",
  js: "javascript",
  javascript: "javascript",
  json: "json",
  bash: "bash",
  sh: "bash",
  shell: "bash",
};

export function highlightLanguage(fenceInfo: string): string | undefined {
  const name = fenceInfo.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
  return languages[name];
}

/** Highlighted HTML (escaped) for a supported language, or undefined to fall back to plain. */
export function highlightCode(code: string, fenceInfo: string): string | undefined {
  const language = highlightLanguage(fenceInfo);
  if (language === undefined) return undefined;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
