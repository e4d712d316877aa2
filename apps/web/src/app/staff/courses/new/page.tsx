import { forbidden } from "next/navigation";
import { canCreateCourses } from "@course/db";
import { Breadcrumbs } from "../../../../components/courses/Breadcrumbs.tsx";
import { ActionForm } from "../../../../components/staff/ActionForm.tsx";
import { CourseFields } from "../../../../components/staff/CourseFields.tsx";
import { Card } from "../../../../components/ui/index.ts";
import { requireUser } from "../../../../lib/auth.ts";
import { getDb } from "../../../../lib/db.ts";
import { courseMessages } from "../../../../lib/i18n/messages/courses.ts";
import { staffMessages } from "../../../../lib/i18n/messages/staff.ts";
import { getLocale } from "../../../../lib/i18n/server.ts";
import { translator } from "../../../../lib/i18n/index.ts";
import { staffTitle } from "../../../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("newCourseTitle");

export default async function NewCoursePage() {
  const user = await requireUser("/staff/courses/new");
  if (!(await canCreateCourses(getDb(), user.id))) forbidden();
  const locale = await getLocale();
  const t = translator(staffMessages, locale);
  return (
    <div className="container container-narrow">
      <Breadcrumbs label={translator(courseMessages, locale)("breadcrumbs")} items={[{ href: "/staff", label: t("staffTitle") }, { label: t("newCourseTitle") }]} />
      <header className="page-header">
        <h1>{t("newCourseTitle")}</h1>
        <p>{t("newCourseLead")}</p>
      </header>
      <Card>
        <ActionForm action="/api/courses" submitLabel={t("createButton")} busyLabel={t("creating")} failedMessage={t("failed")} testId="new-course-form">
          <CourseFields locale={locale} withSlug />
        </ActionForm>
      </Card>
    </div>
  );
}
