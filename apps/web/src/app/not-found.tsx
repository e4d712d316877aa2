import { Link } from "../components/ui/Link.tsx";
import { commonMessages } from "../lib/i18n/messages/common.ts";
import { getLocale } from "../lib/i18n/server.ts";
import { translator } from "../lib/i18n/index.ts";

export default async function NotFound() {
  const t = translator(commonMessages, await getLocale());
  return (
    <div className="container container-narrow">
      <h1>{t("notFoundTitle")}</h1>
      <p className="muted">{t("notFoundBody")}</p>
      <Link className="btn btn-primary" href="/">
        {t("goHome")}
      </Link>
    </div>
  );
}
