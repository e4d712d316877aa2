import { Link } from "../components/ui/Link.tsx";
import { commonMessages } from "../lib/i18n/messages/common.ts";
import { getLocale } from "../lib/i18n/server.ts";
import { translator } from "../lib/i18n/index.ts";

export default async function Forbidden() {
  const t = translator(commonMessages, await getLocale());
  return (
    <div className="container container-narrow">
      <h1>{t("forbiddenTitle")}</h1>
      <p className="muted">{t("forbiddenBody")}</p>
      <Link className="btn btn-primary" href="/my">
        {t("goHome")}
      </Link>
    </div>
  );
}
