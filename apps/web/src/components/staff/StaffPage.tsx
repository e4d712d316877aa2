// The frame of every course staff page: the staff tabs (where breadcrumbs would be: they lead to
// the course and its other staff pages), title and lead, and a notice when the course is archived.
import type { ReactNode } from "react";
import type { Role } from "@course/db";
import { StaffNav } from "../courses/StaffNav.tsx";
import { Alert } from "../ui/index.ts";
import type { CourseHeader } from "../../lib/courses/queries.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

export interface StaffPageProps {
  course: CourseHeader;
  role: Role;
  locale: Locale;
  /** The StaffNav tab this page belongs to. */
  tab: string;
  title: string;
  lead?: string;
  actions?: ReactNode;
  children: ReactNode;
}

export function StaffPage({ course, role, locale, tab, title, lead, actions, children }: StaffPageProps) {
  const t = translator(staffMessages, locale);
  return (
    <div className="container">
      <StaffNav slug={course.slug} role={role} active={tab} locale={locale} />
      <header className="page-header spread">
        <div>
          <h1>{title}</h1>
          {lead ? <p>{lead}</p> : null}
        </div>
        {actions}
      </header>
      {course.archived ? (
        <div style={{ marginBottom: "1rem" }}>
          <Alert tone="warning">{t("archivedNotice")}</Alert>
        </div>
      ) : null}
      {children}
    </div>
  );
}
