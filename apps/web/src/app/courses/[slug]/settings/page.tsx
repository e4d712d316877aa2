import { courseSettings } from "@course/db";
import { ActionForm } from "../../../../components/staff/ActionForm.tsx";
import { CourseFields } from "../../../../components/staff/CourseFields.tsx";
import { StaffPage } from "../../../../components/staff/StaffPage.tsx";
import { Card } from "../../../../components/ui/index.ts";
import { requireCourseAction } from "../../../../lib/courses/staff-access.ts";
import { staffMessages } from "../../../../lib/i18n/messages/staff.ts";
import { translator } from "../../../../lib/i18n/index.ts";
import { staffTitle } from "../../../../lib/staff/metadata.ts";

export const generateMetadata = staffTitle("settingsTitle");

export default async function CourseSettingsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { db, course, role, locale } = await requireCourseAction(slug, "manageCourse", `/courses/${slug}/settings`);
  const t = translator(staffMessages, locale);
  const values = await courseSettings(db, course.id);
  return (
    <StaffPage course={course} role={role} locale={locale} tab="settings" title={t("settingsTitle")} lead={t("settingsLead")}>
      <Card>
        <ActionForm action={`/api/courses/${course.slug}/settings`} submitLabel={t("saveChanges")} busyLabel={t("saving")} failedMessage={t("failed")} testId="course-settings-form">
          <CourseFields locale={locale} values={values} />
        </ActionForm>
      </Card>
      <section className="staff-section" aria-labelledby="archive-title">
        <h2 id="archive-title">{t("archiveTitle")}</h2>
        <p className="muted">{t("archiveBody")}</p>
        <ActionForm
          action={`/api/courses/${course.slug}/archive`}
          submitLabel={values.archivedAt ? t("restoreButton") : t("archiveButton")}
          busyLabel={t("saving")}
          failedMessage={t("failed")}
          variant="secondary"
          testId="archive-form"
        >
          <input type="hidden" name="archived" value={values.archivedAt ? "false" : "true"} />
        </ActionForm>
      </section>
    </StaffPage>
  );
}
