// The course staff's tabs, one list for every staff page. A tab shows only to roles allowed to
// use it (lib/courses/permissions.ts). To add a tab (Assignments, Analytics…), add an entry to
// STAFF_TABS and its label to lib/i18n/messages/staff.ts.
import "./staff.css";
import type { Role } from "@course/db";
import { Link } from "../ui/Link.tsx";
import { can, type CourseAction } from "../../lib/courses/permissions.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

type StaffLabel = keyof (typeof staffMessages)["en"];

export interface StaffTab {
  key: string;
  label: StaffLabel;
  /** The tab's page, from the course's slug. */
  href: (slug: string) => string;
  /** Who sees the tab. */
  action: CourseAction;
}

export const STAFF_TABS: StaffTab[] = [
  { key: "overview", label: "tabOverview", href: (s) => `/courses/${s}`, action: "viewStaffPages" },
  { key: "gradebook", label: "tabGradebook", href: (s) => `/courses/${s}/gradebook`, action: "viewStaffPages" },
  { key: "assignments", label: "tabAssignments", href: (s) => `/courses/${s}/staff/assignments`, action: "viewStaffPages" },
  { key: "roster", label: "tabRoster", href: (s) => `/courses/${s}/roster`, action: "viewStaffPages" },
  { key: "join-codes", label: "tabJoinCodes", href: (s) => `/courses/${s}/join-codes`, action: "manageJoinCodes" },
  { key: "exercises", label: "tabExercises", href: (s) => `/courses/${s}/exercises`, action: "authorExercises" },
  { key: "settings", label: "tabSettings", href: (s) => `/courses/${s}/settings`, action: "manageCourse" },
  { key: "audit", label: "tabAudit", href: (s) => `/courses/${s}/audit`, action: "viewAudit" },
];

export function StaffNav({ slug, role, active, locale }: { slug: string; role: Role; active: string; locale: Locale }) {
  const t = translator(staffMessages, locale);
  const tabs = STAFF_TABS.filter((tab) => can(role, tab.action));
  return (
    <nav aria-label={t("staffNavLabel")} className="staff-nav" data-testid="staff-nav">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link href={tab.href(slug)} aria-current={tab.key === active ? "page" : undefined} data-tab={tab.key}>
              {t(tab.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
