// The interactive blocks of a lesson: `demo <name>` and `quiz <id>` fences, and runnable `ts`
// samples (each optionally followed by an `output` fence holding its expected console output).
// The renderer leaves a marker comment where each block goes (raw HTML is off, so lesson text can
// never produce one) and records the block's data; splitLessonHtml cuts the HTML at the markers.
import type MarkdownIt from "markdown-it";
import type { Token } from "markdown-it";
import { parseDemoDirective, type DemoName } from "./demos.ts";
import { parseQuiz, type Quiz } from "./quiz.ts";

export class LessonBlockError extends Error {
  override name = "LessonBlockError";
}

export type LessonBlock =
  | { kind: "demo"; name: DemoName; params: Record<string, unknown> }
  | { kind: "quiz"; quiz: Quiz; questionHtml: string; optionsHtml: string[]; explanationHtml: string }
  /** `index` counts the lesson's ts samples from 0; `html` is the highlighted <pre>. */
  | { kind: "sample"; index: number; source: string; html: string; expected: string | null };

export type LessonSegment = { kind: "html"; html: string } | LessonBlock;

const BLOCKS_KEY = "lessonBlocks";
const MARKER = (n: number) => `<!--lesson-block:${n}-->\n`;
const MARKER_RE = /<!--lesson-block:(\d+)-->\n/;

function fenceWords(token: Token | undefined): string[] {
  return token?.type === "fence" ? token.info.trim().split(/\s+/) : [];
}

function blocksOf(env: Record<string, unknown>): LessonBlock[] {
  const list = (env[BLOCKS_KEY] ??= []) as LessonBlock[];
  return list;
}

/** Turns demo, quiz, ts and output fences into lesson blocks (lesson pages only, not statements). */
export function lessonBlocksPlugin(md: MarkdownIt): void {
  const defaultFence = md.renderer.rules["fence"];
  md.renderer.rules["fence"] = (tokens, idx, options, env: Record<string, unknown>, self) => {
    const token = tokens[idx]!;
    const [kind, name = "", ...rest] = fenceWords(token);
    const blocks = blocksOf(env);
    const push = (block: LessonBlock) => {
      blocks.push(block);
      return MARKER(blocks.length - 1);
    };
    if (kind === "demo") {
      if (rest.length > 0) throw new LessonBlockError(`demo fence "${token.info}": write \`demo <name>\` and put parameters in the body`);
      return push({ kind: "demo", ...parseDemoDirective(name, token.content) });
    }
    if (kind === "quiz") {
      const quiz = parseQuiz(name, token.content);
      const inline = (s: string) => md.renderInline(s, {});
      return push({
        kind: "quiz",
        quiz,
        questionHtml: inline(quiz.question),
        optionsHtml: quiz.kind === "choice" ? quiz.options.map(inline) : [],
        explanationHtml: inline(quiz.explanation),
      });
    }
    if (kind === "output") {
      if (fenceWords(tokens[idx - 1])[0] !== "ts") throw new LessonBlockError("an output fence must directly follow a ts fence");
      return "";
    }
    const html = defaultFence !== undefined ? defaultFence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    if (kind !== "ts") return html;
    const next = tokens[idx + 1];
    const expected = fenceWords(next)[0] === "output" ? (next?.content ?? "") : null;
    const index = blocks.filter((b) => b.kind === "sample").length;
    return push({ kind: "sample", index, source: token.content, html, expected });
  };
}

/** Splits rendered lesson HTML into prose and blocks, in reading order. */
export function splitLessonHtml(html: string, env: Record<string, unknown>): LessonSegment[] {
  const blocks = blocksOf(env);
  const parts = html.split(MARKER_RE);
  const segments: LessonSegment[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) {
      if (part.trim() !== "") segments.push({ kind: "html", html: part });
      return;
    }
    const block = blocks[Number(part)];
    if (block === undefined) throw new LessonBlockError(`block marker ${part} without a block`);
    segments.push(block);
  });
  return segments;
}
