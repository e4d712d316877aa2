// The exercise page: statement (server-rendered Markdown + KaTeX) and the workspace island
// (editor, public tests in a Web Worker, submit with live grading status).
import { MathFontPreloads, mathFontsToPreload } from "../../../../../../components/math/index.ts";
import type { Metadata } from "next";
import { Link } from "../../../../../../components/ui/Link.tsx";
import { notFound } from "next/navigation";
import { renderMarkdown } from "@course/lessons";
import { ExerciseWorkspace } from "../../../../../../components/exercise/exercise-workspace.tsx";
import { requireUser } from "../../../../../../lib/auth.ts";
import { getDb } from "../../../../../../lib/db.ts";
import { loadExercise } from "../../../../../../lib/exercise/exercise-source.ts";
import { loadExercisePageData } from "../../../../../../lib/exercise/page-data.ts";
import type { WindowState } from "../../../../../../lib/exercise/window-state.ts";
import { formatDateTime } from "../../../../../../lib/format.ts";
import type { Locale } from "../../../../../../lib/i18n/index.ts";
import { stripLeadingTitle } from "../../../../../../lib/exercise/statement.ts";
import { exerciseMessages } from "../../../../../../lib/i18n/messages/exercise.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";
import { format } from "../../../../../../lib/i18n/translate.ts";
import "../../../../../../components/exercise/exercise.css";

export const dynamic = "force-dynamic";

interface Props {
  params: Promise<{ slug: string; exerciseId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { exerciseId } = await params;
  const [locale, exercise] = await Promise.all([getLocale(), getDb().exercise.findUnique({ where: { slug: exerciseId }, select: { title: true, titleZh: true } })]);
  if (!exercise) return { title: exerciseId };
  return { title: locale === "zh-CN" ? (exercise.titleZh ?? exercise.title) : exercise.title };
}

export default async function ExercisePage({ params }: Props) {
  const { slug, exerciseId } = await params;
  const here = `/courses/${encodeURIComponent(slug)}/assignments/${encodeURIComponent(exerciseId)}`;
  const user = await requireUser(here);
  const locale = await getLocale();
  const m = exerciseMessages[locale];
  const data = await loadExercisePageData(getDb(), slug, exerciseId, user.id);
  if (!data) notFound();
  const folder = await loadExercise(data.exercise.slug, data.assignment.exerciseVersionId);
  const title = locale === "zh-CN" ? (data.exercise.titleZh ?? data.exercise.title) : data.exercise.title;
  const courseTitle = locale === "zh-CN" ? (data.course.titleZh ?? data.course.title) : data.course.title;
  const statementHtml = folder ? renderMarkdown(stripLeadingTitle(folder.statements[locale])) : null;
  const starter = folder?.starter ?? data.starterCode ?? "";

  return (
    <div className="container exercise-page">
      <MathFontPreloads files={statementHtml !== null ? mathFontsToPreload(statementHtml) : []} />
      <nav aria-label="Breadcrumb" className="small">
        <Link href={`/courses/${encodeURIComponent(data.course.slug)}`}>{courseTitle}</Link>
      </nav>
      <h1>{title}</h1>
      <div className="exercise-layout">
        <section className="exercise-statement card" aria-labelledby="statement-h">
          <h2 id="statement-h" className="visually-hidden">
            {m.statement}
          </h2>
          {statementHtml !== null ? (
            <div lang={locale} dangerouslySetInnerHTML={{ __html: statementHtml }} />
          ) : (
            <p className="exercise-error">{format(m.runFailed, { message: "statement unavailable" })}</p>
          )}
        </section>
        {data.enrolled ? (
          <ExerciseWorkspace
            userId={user.id}
            assignmentId={data.assignment.id}
            exerciseId={data.exercise.slug}
            starter={starter}
            serverDraft={data.draft}
            window={data.window}
            dates={formatWindowDates(data.window, locale)}
            latest={data.latest}
            historyHref={`${here}/history`}
            locale={locale}
            m={m}
          />
        ) : (
          <div className="exercise-warning" data-testid="submit-blocked" data-reason="not_enrolled">
            <p>{m.block_not_enrolled}</p>
            <Link href={`/courses/${encodeURIComponent(data.course.slug)}`}>{courseTitle}</Link>
          </div>
        )}
      </div>
    </div>
  );
}

function formatWindowDates(w: WindowState, locale: Locale): Record<"opensAt" | "dueAt" | "lateDueAt", string | null> {
  const fmt = (iso: string | null) => (iso === null ? null : formatDateTime(new Date(iso), locale));
  return { opensAt: fmt(w.opensAt), dueAt: fmt(w.dueAt), lateDueAt: fmt(w.lateDueAt) };
}
