import { SelectField } from "../ui/index.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

/** A course role picker (student, TA, instructor) with the given label. */
export function RoleSelect({ id, label, locale, defaultValue = "student" }: { id: string; label: string; locale: Locale; defaultValue?: string }) {
  const t = translator(staffMessages, locale);
  return (
    <SelectField
      id={id}
      name="role"
      label={label}
      defaultValue={defaultValue}
      options={[
        { value: "student", label: t("roleStudent") },
        { value: "ta", label: t("roleTa") },
        { value: "instructor", label: t("roleInstructor") },
      ]}
    />
  );
}
