"use client";
import { useEffect, useState } from "react";
import { commonMessages } from "../../lib/i18n/messages/common.ts";
import { isLocale, translator, type Locale } from "../../lib/i18n/index.ts";

/** The friendly error panel shown by error.tsx files: no stack trace, a retry and a way home. */
export function ErrorView({ reset, digest }: { reset: () => void; digest?: string | undefined }) {
  const [locale, setLocale] = useState<Locale>("en");
  useEffect(() => {
    const lang = document.documentElement.lang;
    if (isLocale(lang)) setLocale(lang);
  }, []);
  const t = translator(commonMessages, locale);
  return (
    <div className="container container-narrow">
      <div className="alert alert-error" role="alert">
        <h1 className="alert-title" style={{ fontSize: "1.4rem" }}>
          {t("errorTitle")}
        </h1>
        <p>{t("errorBody")}</p>
        {digest ? <p className="small">Ref: {digest}</p> : null}
      </div>
      <div className="row" style={{ marginTop: "1rem" }}>
        <button type="button" className="btn btn-primary" onClick={reset}>
          {t("tryAgain")}
        </button>
        <a className="btn btn-secondary" href="/">
          {t("goHome")}
        </a>
      </div>
    </div>
  );
}
