// The course form's fields (create and settings), rendered on the server inside an ActionForm.
import { Field, SelectField, TextAreaField } from "../ui/index.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";
import { DESCRIPTION_MAX, TITLE_MAX } from "../../lib/staff/schemas.ts";

export interface CourseFieldValues {
  title: string;
  titleZh: string | null;
  description: string;
  descriptionZh: string | null;
  language: string;
  published: boolean;
}

export function CourseFields({ locale, values, withSlug }: { locale: Locale; values?: CourseFieldValues; withSlug?: boolean }) {
  const t = translator(staffMessages, locale);
  return (
    <>
      {withSlug ? <Field id="course-slug" name="slug" label={t("fieldSlug")} hint={t("fieldSlugHint")} required autoComplete="off" spellCheck={false} maxLength={60} /> : null}
      <div className="staff-form-grid">
        <Field id="course-title" name="title" label={t("fieldTitle")} required maxLength={TITLE_MAX} defaultValue={values?.title} />
        <Field id="course-title-zh" name="titleZh" label={t("fieldTitleZh")} lang="zh-CN" maxLength={TITLE_MAX} defaultValue={values?.titleZh ?? ""} />
      </div>
      <TextAreaField id="course-description" name="description" label={t("fieldDescription")} rows={5} required maxLength={DESCRIPTION_MAX} defaultValue={values?.description} />
      <TextAreaField id="course-description-zh" name="descriptionZh" label={t("fieldDescriptionZh")} lang="zh-CN" rows={5} maxLength={DESCRIPTION_MAX} defaultValue={values?.descriptionZh ?? ""} />
      <SelectField
        id="course-language"
        name="language"
        label={t("fieldLanguage")}
        defaultValue={values?.language ?? locale}
        options={[
          { value: "en", label: t("langEn") },
          { value: "zh-CN", label: t("langZh") },
        ]}
      />
      <label className="staff-checkbox" htmlFor="course-published">
        <input id="course-published" type="checkbox" name="published" defaultChecked={values?.published ?? false} />
        {t("fieldPublished")}
      </label>
    </>
  );
}
