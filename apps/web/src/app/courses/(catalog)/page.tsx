import { CourseCard } from "../../../components/courses/CourseCard.tsx";
import { EnrollCard } from "../../../components/courses/EnrollCard.tsx";
import { EmptyState } from "../../../components/ui/index.ts";
import { getCurrentUser } from "../../../lib/auth.ts";
import { listCatalog } from "../../../lib/courses/queries.ts";
import { getDb } from "../../../lib/db.ts";
import { courseMessages } from "../../../lib/i18n/messages/courses.ts";
import { getLocale } from "../../../lib/i18n/server.ts";
import { translator } from "../../../lib/i18n/index.ts";
import { titleFrom } from "../../../lib/i18n/metadata.ts";

export const generateMetadata = titleFrom({ common: "navCatalog" });

export default async function CatalogPage() {
  const [locale, user] = await Promise.all([getLocale(), getCurrentUser()]);
  const t = translator(courseMessages, locale);
  const courses = await listCatalog(getDb(), user?.id ?? null, locale);
  return (
    <div className="container">
      <header className="page-header">
        <h1>{t("catalogTitle")}</h1>
        <p>{t("catalogLead")}</p>
      </header>
      {courses.length === 0 ? (
        <EmptyState title={t("catalogEmpty")}>{t("catalogEmptyBody")}</EmptyState>
      ) : (
        <div className="grid" data-testid="catalog">
          {courses.map((c) => (
            <CourseCard key={c.slug} course={c} locale={locale} />
          ))}
        </div>
      )}
      {user ? (
        <div style={{ marginTop: "2rem", maxWidth: 520 }}>
          <EnrollCard locale={locale} />
        </div>
      ) : null}
    </div>
  );
}
