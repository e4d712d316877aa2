// The request's locale for server components and route handlers.
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "../auth.ts";
import { LOCALE_COOKIE, negotiateLocale, type Locale } from "./locale.ts";

/** Cookie > signed-in user's saved locale > Accept-Language > English. Cached per request. */
export const getLocale = cache(async (): Promise<Locale> => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const cookie = cookieStore.get(LOCALE_COOKIE)?.value;
  const userLocale = cookie ? null : (await getCurrentUser())?.locale;
  return negotiateLocale({ cookie, userLocale, acceptLanguage: headerStore.get("accept-language") });
});
