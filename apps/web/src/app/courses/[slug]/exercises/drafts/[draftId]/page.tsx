// The exercise editor for one draft (instructors of the course only).
import "../../../../../../components/authoring/authoring.css";
import "../../../../../../components/exercise/exercise.css";
import { notFound } from "next/navigation";
import { findExerciseDraft, latestAuthoringJob } from "@course/db";
import { DraftEditor } from "../../../../../../components/authoring/draft-editor.tsx";
import { Breadcrumbs } from "../../../../../../components/courses/Breadcrumbs.tsx";
import { instructorPage } from "../../../../../../lib/authoring/page-access.ts";
import { bundleHash, storedBundle } from "../../../../../../lib/authoring/drafts.ts";
import { jobView } from "../../../../../../lib/authoring/jobs.ts";
import { translator } from "../../../../../../lib/i18n/index.ts";
import { authoringMessages } from "../../../../../../lib/i18n/messages/authoring.ts";
import { commonMessages } from "../../../../../../lib/i18n/messages/common.ts";
import { courseMessages } from "../../../../../../lib/i18n/messages/courses.ts";
import { getLocale } from "../../../../../../lib/i18n/server.ts";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: translator(authoringMessages, await getLocale())("exercises") };
}

export default async function DraftPage({
  params,
}: {
  params: Promise<{ slug: string; draftId: string }>;
}) {
  const { slug, draftId } = await params;
  const { locale, db, course } = await instructorPage(
    slug,
    `/courses/${slug}/exercises/drafts/${draftId}`,
  );
  const draft = await findExerciseDraft(db, course.id, draftId);
  if (!draft) notFound();
  const [base, check] = await Promise.all([
    draft.baseVersionId === null
      ? null
      : db.exerciseVersion.findUnique({
          where: { id: draft.baseVersionId },
          select: { version: true, bundle: true },
        }),
    latestAuthoringJob(db, draft.id, "check"),
  ]);
  const bundle = storedBundle(draft.bundle);
  const t = translator(authoringMessages, locale);
  const c = translator(commonMessages, locale);
  const cm = translator(courseMessages, locale);
  const exercisesHref = `/courses/${course.slug}/exercises`;
  return (
    <div className="container authoring-page">
      <Breadcrumbs
        label={cm("breadcrumbs")}
        items={[
          { href: "/my", label: c("navMyCourses") },
          { href: `/courses/${course.slug}`, label: course.title },
          { href: exercisesHref, label: t("exercises") },
          { label: draft.slug },
        ]}
      />
      <header className="page-header">
        <h1>{t("editorTitle", { slug: draft.slug })}</h1>
      </header>
      <DraftEditor
        courseSlug={course.slug}
        draftId={draft.id}
        exerciseSlug={draft.slug}
        initialFiles={bundle.files}
        savedHash={bundleHash(bundle)}
        baseFiles={base?.bundle ? storedBundle(base.bundle).files : null}
        baseVersion={base?.version ?? null}
        latestCheck={check ? jobView(check) : null}
        m={authoringMessages[locale]}
      />
    </div>
  );
}
