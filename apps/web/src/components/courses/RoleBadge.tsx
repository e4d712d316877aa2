import type { Role } from "@course/db";
import { Badge } from "../ui/index.ts";
import { courseMessages } from "../../lib/i18n/messages/courses.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

export function RoleBadge({ role, locale }: { role: Role; locale: Locale }) {
  const t = translator(courseMessages, locale);
  const label = role === "instructor" ? t("roleInstructor") : role === "ta" ? t("roleTa") : t("enrolled");
  return <Badge tone={role === "student" ? "success" : "info"}>{label}</Badge>;
}
