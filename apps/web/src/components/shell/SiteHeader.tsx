import { CsrfField } from "../security/CsrfField.tsx";
import { Link } from "../ui/Link.tsx";
import type { CurrentUser } from "../../lib/auth.ts";
import { commonMessages } from "../../lib/i18n/messages/common.ts";
import { staffMessages } from "../../lib/i18n/messages/staff.ts";
import { translator, type Locale } from "../../lib/i18n/index.ts";

const LANGUAGE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

/** Header with the main navigation, the language switch and the account actions (no client JS). */
export function SiteHeader({ locale, user, teaches = false }: { locale: Locale; user: CurrentUser | null; teaches?: boolean }) {
  const t = translator(commonMessages, locale);
  const s = translator(staffMessages, locale);
  const other: Locale = locale === "en" ? "zh-CN" : "en";
  return (
    <header className="site-header">
      <div className="container">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            DL
          </span>
          <span className="brand-text">{t("siteName")}</span>
        </Link>
        <nav aria-label={t("navMain")}>
          <ul className="nav-links">
            <li>
              <Link href="/courses">{t("navCatalog")}</Link>
            </li>
            {user ? (
              <li>
                <Link href="/my">{t("navMyCourses")}</Link>
              </li>
            ) : null}
            {user && teaches ? (
              <li>
                <Link href="/staff">{s("navStaff")}</Link>
              </li>
            ) : null}
            {user ? (
              <li>
                <Link href="/profile">{s("navProfile")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <div className="header-actions">
          <form method="post" action="/api/locale">
            <input type="hidden" name="locale" value={other} />
            <CsrfField />
            <button type="submit" className="btn btn-ghost btn-small" lang={other} aria-label={`${t("switchLanguage")}: ${LANGUAGE_NAMES[other]}`} data-testid="language-switch">
              {LANGUAGE_NAMES[other]}
            </button>
          </form>
          {user ? (
            <>
              <span className="user-name" title={user.email}>
                {t("signedInAs", { name: user.name })}
              </span>
              <form method="post" action="/api/signout">
                <CsrfField />
                <button type="submit" className="btn btn-secondary btn-small">
                  {t("signOut")}
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/signin" className="btn btn-ghost btn-small">
                {t("signIn")}
              </Link>
              <Link href="/signup" className="btn btn-primary btn-small">
                {t("signUp")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
