import { ButtonLink, Card } from "../components/ui/index.ts";
import { getCurrentUser } from "../lib/auth.ts";
import { commonMessages } from "../lib/i18n/messages/common.ts";
import { getLocale } from "../lib/i18n/server.ts";
import { translator } from "../lib/i18n/index.ts";

export default async function HomePage() {
  const [locale, user] = await Promise.all([getLocale(), getCurrentUser()]);
  const t = translator(commonMessages, locale);
  return (
    <div className="container">
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("homeTitle")}</h1>
        <p>{t("homeLead")}</p>
        <div className="row">
          {user ? <ButtonLink href="/my">{t("homeMyCourses")}</ButtonLink> : <ButtonLink href="/signup">{t("homeStart")}</ButtonLink>}
          <ButtonLink href="/courses" variant="secondary">
            {t("homeBrowse")}
          </ButtonLink>
        </div>
      </section>
      <div className="features">
        {(
          [
            ["homeFeature1Title", "homeFeature1Body"],
            ["homeFeature2Title", "homeFeature2Body"],
            ["homeFeature3Title", "homeFeature3Body"],
          ] as const
        ).map(([title, body]) => (
          <Card key={title}>
            <h2 style={{ fontSize: "1.1rem" }}>{t(title)}</h2>
            <p className="muted">{t(body)}</p>
          </Card>
        ))}
      </div>
    </div>
  );
}
