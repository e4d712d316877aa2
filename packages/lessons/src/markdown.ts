// Markdown → safe HTML: markdown-it (raw HTML off) + KaTeX maths + highlight.js + heading ids.
import MarkdownIt from "markdown-it";
import { headingsFromEnv, headingsPlugin, type Heading } from "./headings.ts";
import { lessonBlocksPlugin, splitLessonHtml, type LessonSegment } from "./blocks.ts";
import { highlightCode } from "./highlight.ts";
import { mathPlugin } from "./math.ts";

export interface RenderOptions {
  /** Throw on invalid TeX (used by the content tests); by default KaTeX renders the error inline. */
  readonly throwOnError?: boolean;
}

export interface RenderedMarkdown {
  readonly html: string;
  readonly headings: Heading[];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function isExternal(href: string): boolean {
  return /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(href) || /^mailto:/i.test(href);
}

function createMarkdownIt(throwOnError: boolean, lessonBlocks: boolean): MarkdownIt {
  const md = new MarkdownIt({
    html: false,
    linkify: false,
    typographer: false,
    highlight: (code, info) => {
      const highlighted = highlightCode(code, info);
      if (highlighted === undefined) return "";
      const lang = escapeHtml(info.trim().split(/\s+/)[0] ?? "");
      return `<pre class="code-block"><code class="hljs language-${lang}">${highlighted}</code></pre>\n`;
    },
  });
  mathPlugin(md, { throwOnError });
  headingsPlugin(md);
  if (lessonBlocks) lessonBlocksPlugin(md);
  const defaultLinkOpen = md.renderer.rules["link_open"];
  md.renderer.rules["link_open"] = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = token?.attrGet("href") ?? "";
    if (token !== undefined && isExternal(href)) {
      token.attrSet("rel", "noopener noreferrer");
      token.attrSet("target", "_blank");
    }
    return defaultLinkOpen !== undefined
      ? defaultLinkOpen(tokens, idx, options, env, self)
      : self.renderToken(tokens, idx, options);
  };
  return md;
}

const renderers = new Map<string, MarkdownIt>();

function renderer(throwOnError: boolean, lessonBlocks = false): MarkdownIt {
  const key = `${throwOnError}/${lessonBlocks}`;
  let md = renderers.get(key);
  if (md === undefined) {
    md = createMarkdownIt(throwOnError, lessonBlocks);
    renderers.set(key, md);
  }
  return md;
}

/** Renders Markdown to HTML and returns the headings (with their ids) it contains. */
export function renderMarkdownWithHeadings(markdown: string, options: RenderOptions = {}): RenderedMarkdown {
  const env: Record<string, unknown> = {};
  const html = renderer(options.throwOnError ?? false).render(markdown, env);
  return { html, headings: headingsFromEnv(env) };
}

/** Renders Markdown (lessons, exercise statements) to safe HTML. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  return renderMarkdownWithHeadings(markdown, options).html;
}

export interface RenderedLesson extends RenderedMarkdown {
  /** The HTML cut into prose and interactive blocks (demos, quizzes, runnable samples), in order. */
  readonly segments: LessonSegment[];
}

/**
 * Renders a lesson body: like renderMarkdownWithHeadings, plus its `demo`, `quiz` and runnable `ts`
 * blocks. An unknown demo, bad demo parameters or a malformed quiz throw (the lesson fails to load).
 */
export function renderLesson(markdown: string, options: RenderOptions = {}): RenderedLesson {
  const env: Record<string, unknown> = {};
  const marked = renderer(options.throwOnError ?? false, true).render(markdown, env);
  const segments = splitLessonHtml(marked, env);
  const html = segments.map((s) => (s.kind === "html" || s.kind === "sample" ? s.html : "")).join("");
  return { html, headings: headingsFromEnv(env), segments };
}
