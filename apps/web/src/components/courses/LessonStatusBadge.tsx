import { Badge } from "../ui/index.ts";
import type { ProgressStatus } from "../../lib/courses/progress.ts";
import { courseMessages } from "../../lib/i18n/messages/courses.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

export function LessonStatusBadge({ status, locale }: { status: ProgressStatus; locale: Locale }) {
  const t = translator(courseMessages, locale);
  if (status === "done") return <Badge tone="success">{t("statusDone")}</Badge>;
  if (status === "in_progress") return <Badge tone="info">{t("statusInProgress")}</Badge>;
  return <Badge>{t("statusNotStarted")}</Badge>;
}
