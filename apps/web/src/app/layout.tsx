import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import "../components/ui/styles.css";
import "./shell.css";
import { SiteHeader } from "../components/shell/SiteHeader.tsx";
import { getCurrentUser } from "../lib/auth.ts";
import { userTeaches } from "../lib/courses/staff-access.ts";
import { commonMessages } from "../lib/i18n/messages/common.ts";
import { getLocale } from "../lib/i18n/server.ts";
import { translator } from "../lib/i18n/index.ts";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(commonMessages, await getLocale());
  return { title: { default: t("siteName"), template: `%s · ${t("siteName")}` }, description: t("homeLead") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#161d27" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, user] = await Promise.all([getLocale(), getCurrentUser()]);
  const t = translator(commonMessages, locale);
  const teaches = user ? await userTeaches(user.id) : false;
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <SiteHeader locale={locale} user={user} teaches={teaches} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">{t("footer")}</div>
        </footer>
      </body>
    </html>
  );
}
