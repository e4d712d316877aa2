import { Card } from "../ui/index.ts";
import { EnrollForm } from "./EnrollForm.tsx";
import { commonMessages } from "../../lib/i18n/messages/common.ts";
import { courseMessages } from "../../lib/i18n/messages/courses.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

export function EnrollCard({ locale, initialCode }: { locale: Locale; initialCode?: string | undefined }) {
  const t = translator(courseMessages, locale);
  const c = translator(commonMessages, locale);
  return (
    <Card as="section" aria-labelledby="enroll-title">
      <h2 id="enroll-title">{t("enrollTitle")}</h2>
      <p className="muted">{t("enrollLead")}</p>
      <EnrollForm
        initialCode={initialCode}
        strings={{ joinCode: t("joinCode"), joinCodeHint: t("joinCodeHint"), enrollButton: t("enrollButton"), enrolling: t("enrolling"), failed: c("errorBody") }}
      />
    </Card>
  );
}
