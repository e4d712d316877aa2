// Runs once when the server starts (Next's instrumentation hook). The lessons are rendered in the
// background, so a lesson's first reader after a start does not wait for KaTeX and highlight.js
// (measured: 150-200 ms for the longest lessons on an idle machine, 0.5-1 s on a busy one, added
// to the page's time to first byte).
import { isNodeRuntime } from "./lib/site-env.ts";

export async function register(): Promise<void> {
  if (!isNodeRuntime()) return;
  const { warmLessons } = await import("@course/lessons");
  // Not awaited: the server takes requests meanwhile. A lesson that fails to load is left for its
  // first reader, who gets the error page as before.
  void warmLessons().catch((error: unknown) => console.error("warming the lessons failed:", error));
}
