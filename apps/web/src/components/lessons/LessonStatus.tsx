"use client";
/**
 * The lesson's status badge. Rendering the page reads progress only; opening the lesson is
 * recorded here, by an explicit JSON POST once the page has loaded in a browser (a prefetch or a
 * crawler that renders the page records nothing). The POST waits until the browser is idle: it is
 * not needed to read the lesson, so it stays out of the page's start-up (scripts, hydration, fonts).
 */
import { useEffect, useState } from "react";
import type { ProgressStatus } from "../../lib/courses/progress.ts";
import type { Locale } from "../../lib/i18n/index.ts";
import { LessonStatusBadge } from "../courses/LessonStatusBadge.tsx";
import { postJson } from "./post-json.ts";
import { whenIdle } from "./when-idle.ts";

export function LessonStatus({ lessonId, initial, locale }: { lessonId: string; initial: ProgressStatus; locale: Locale }) {
  const [status, setStatus] = useState(initial);
  useEffect(() => {
    if (initial !== "not_started") return;
    const record = () =>
      postJson("/api/progress", { lessonId, event: "open" }).then(
        (r) => {
          const next = (r as { status?: unknown }).status;
          if (next === "in_progress" || next === "done") setStatus(next);
        },
        // Not recorded this time (offline, signed out): the next visit records it.
        () => undefined,
      );
    return whenIdle(record);
  }, [lessonId, initial]);
  return (
    <span data-testid="lesson-status">
      <LessonStatusBadge status={status} locale={locale} />
    </span>
  );
}
