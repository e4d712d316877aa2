/** Statement Markdown as the exercise page shows it. Pure. */

/**
 * Drops a leading level-1 heading: the page already shows the exercise title as its only h1
 * (one h1 per page for screen-reader navigation).
 */
export function stripLeadingTitle(markdown: string): string {
  return markdown.replace(/^\uFEFF?\s*#[ \t]+[^\n]*(\n|$)/, "");
}
