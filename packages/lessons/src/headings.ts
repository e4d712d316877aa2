// Heading ids (anchors) and the table of contents.
import type { MarkdownIt, Token } from "markdown-it";

export interface Heading {
  /** 2 for `##`, 3 for `###`, ... */
  readonly level: number;
  readonly text: string;
  readonly id: string;
}

/** A URL fragment from heading text; keeps letters of any script (Chinese headings stay readable). */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .trim()
    .replace(/[\s-]+/g, "-");
  return slug === "" ? "section" : slug;
}

function inlineText(token: Token | undefined): string {
  if (token?.children == null) return token?.content ?? "";
  return token.children
    .filter((t) => t.type === "text" || t.type === "code_inline" || t.type.startsWith("math_inline"))
    .map((t) => t.content)
    .join("");
}

const HEADINGS_KEY = "headings";

/** Gives every heading an id and records the headings in `env.headings`. */
export function headingsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("heading_ids", (state) => {
    const used = new Map<string, number>();
    const headings: Heading[] = [];
    const tokens = state.tokens;
    tokens.forEach((token, i) => {
      if (token.type !== "heading_open") return;
      const text = inlineText(tokens[i + 1]).trim();
      const base = slugify(text);
      const count = used.get(base) ?? 0;
      used.set(base, count + 1);
      const id = count === 0 ? base : `${base}-${count + 1}`;
      token.attrSet("id", id);
      headings.push({ level: Number(token.tag.slice(1)), text, id });
    });
    (state.env as Record<string, unknown>)[HEADINGS_KEY] = headings;
  });
}

export function headingsFromEnv(env: Record<string, unknown>): Heading[] {
  const value = env[HEADINGS_KEY];
  return Array.isArray(value) ? (value as Heading[]) : [];
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A nested `<ul>` table of contents for headings between `minLevel` and `maxLevel`
 * (defaults: `##` and `###`, since `#` is the lesson title).
 */
export function renderToc(headings: readonly Heading[], minLevel = 2, maxLevel = 3): string {
  const items = headings.filter((h) => h.level >= minLevel && h.level <= maxLevel);
  if (items.length === 0) return "";
  let html = "";
  let depth = 0;
  for (const h of items) {
    const target = h.level - minLevel + 1;
    if (target > depth) {
      while (depth < target) {
        html += depth === 0 ? '<ul class="toc">' : "<ul>";
        depth++;
      }
    } else {
      html += "</li>";
      while (depth > target) {
        html += "</ul></li>";
        depth--;
      }
    }
    html += `<li><a href="#${escapeHtml(encodeURIComponent(h.id))}">${escapeHtml(h.text)}</a>`;
  }
  html += "</li>";
  while (depth > 1) {
    html += "</ul></li>";
    depth--;
  }
  return `${html}</ul>`;
}
