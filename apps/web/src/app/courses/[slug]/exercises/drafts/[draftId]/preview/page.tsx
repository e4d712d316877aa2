// Preview as a student (instructors only): the saved draft's statement in the viewer's language,
// the starter in the student's editor, the draft's public tests, and a grade against the draft
// that is never recorded.
import "../../../../../../../components/authoring/authoring.css";
import "../../../../../../../components/exercise/exercise.css";
import { notFound } from "next/navigation";
import { bundleParts } from "@course/exercise-kit/bundle";
import { findExerciseDraft, latestAuthoringJob } from "@course/db";
import { renderMarkdown } from "@course/lessons";
import { PreviewRunner } from "../../../../../../../components/authoring/preview-runner.tsx";
import { Breadcrumbs } from "../../../../../../../components/courses/Breadcrumbs.tsx";
import { Badge } from "../../../../../../../components/ui/index.ts";
import { Link } from "../../../../../../../components/ui/Link.tsx";
import { instructorPage } from "../../../../../../../lib/authoring/page-access.ts";
import { bundleHash, storedBundle } from "../../../../../../../lib/authoring/drafts.ts";
import { jobView } from "../../../../../../../lib/authoring/jobs.ts";
import { parsePublicFixtures } from "../../../../../../../lib/exercise/exercise-source.ts";
import { stripLeadingTitle } from "../../../../../../../lib/exercise/statement.ts";
import { translator } from "../../../../../../../lib/i18n/index.ts";
import { authoringMessages } from "../../../../../../../lib/i18n/messages/authoring.ts";
import { commonMessages } from "../../../../../../../lib/i18n/messages/common.ts";
import { courseMessages } from "../../../../../../../lib/i18n/messages/courses.ts";
import { exerciseMessages } from "../../../../../../../lib/i18n/messages/exercise.ts";
import { getLocale } from "../../../../../../../lib/i18n/server.ts";
import type { CheckJobResult } from "@course/exercise-kit/authoring";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: translator(authoringMessages, await getLocale())("previewAsStudent") };
}

export default async function PreviewPage({
  params,
}: {
  params: Promise<{ slug: string; draftId: string }>;
}) {
  const { slug, draftId } = await params;
  const { locale, db, course } = await instructorPage(
    slug,
    `/courses/${slug}/exercises/drafts/${draftId}/preview`,
  );
  const draft = await findExerciseDraft(db, course.id, draftId);
  if (!draft) notFound();
  const t = translator(authoringMessages, locale);
  const c = translator(commonMessages, locale);
  const cm = translator(courseMessages, locale);
  const bundle = storedBundle(draft.bundle);
  const statement =
    bundle.files[locale === "zh-CN" ? "statement.zh-CN.md" : "statement.en.md"] ?? "";
  const starter = bundle.files["starter.ts"] ?? "";
  let title = draft.slug;
  let manifest = null;
  try {
    manifest = bundleParts(bundle).manifest;
    title = manifest.title[locale];
  } catch {
    // A draft may not parse yet; the id stands in for its title.
  }
  const check = await latestAuthoringJob(db, draft.id, "check");
  const view = check ? jobView(check) : null;
  const raw =
    view?.status === "done" && view.bundleHash === bundleHash(bundle)
      ? (view.result as CheckJobResult | null)?.publicFixtures
      : null;
  const fixtures = raw == null ? null : await parsePublicFixtures(raw);
  const publicTests =
    fixtures && manifest
      ? {
          calls: fixtures.calls,
          bans: manifest.bans,
          allow: manifest.allow,
          wallMs: manifest.limits.wallMs,
        }
      : null;
  const editorHref = `/courses/${course.slug}/exercises/drafts/${draft.id}`;
  return (
    <div className="container authoring-page">
      <Breadcrumbs
        label={cm("breadcrumbs")}
        items={[
          { href: "/my", label: c("navMyCourses") },
          { href: `/courses/${course.slug}`, label: course.title },
          { href: `/courses/${course.slug}/exercises`, label: t("exercises") },
          { href: editorHref, label: draft.slug },
          { label: t("previewAsStudent") },
        ]}
      />
      <header className="page-header">
        <Badge tone="warning">{t("previewBadge")}</Badge>
        <h1>{title}</h1>
        <p>{t("previewLead")}</p>
        <Link href={editorHref}>{t("backToEditor")}</Link>
      </header>
      <div className="exercise-layout">
        <section className="exercise-statement card" aria-label={title}>
          <div
            lang={locale}
            data-testid="preview-statement"
            dangerouslySetInnerHTML={{ __html: renderMarkdown(stripLeadingTitle(statement)) }}
          />
          <h2>{t("previewPublicTests")}</h2>
          {fixtures ? (
            <ul data-testid="preview-public-tests">
              {fixtures.cases.map((k) => (
                <li key={k.name}>{k.name}</li>
              ))}
            </ul>
          ) : (
            <p className="small muted">{t("previewNoCheck")}</p>
          )}
        </section>
        <PreviewRunner
          courseSlug={course.slug}
          draftId={draft.id}
          starter={starter}
          publicTests={publicTests}
          m={authoringMessages[locale]}
          em={exerciseMessages[locale]}
        />
      </div>
    </div>
  );
}
