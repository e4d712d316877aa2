// Who is signed in. Server-only: pages call requireUser(), route handlers call requireApiUser()
// from ./api.ts, and anything else getCurrentUser().
import { cache } from "react";
import type { AuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { LocaleSchema, type Locale } from "@course/db";
import { buildAuthOptions } from "./auth-options.ts";
import { getDb } from "./db.ts";
import { getEnv } from "./env.ts";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  locale: Locale;
  /** The user's session version; a token signed for an older one is signed out. */
  sessionVersion: number;
}

let options: AuthOptions | undefined;

export function getAuthOptions(): AuthOptions {
  options ??= buildAuthOptions(getEnv(), getDb);
  return options;
}

/** The signed-in user (fresh from the database), or null. Cached per request. A token whose
 *  session version is older than the user's (signed out, password changed) counts as signed out. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const claims = session?.user as { id?: string; sessionVersion?: number } | undefined;
  if (!claims?.id) return null;
  const user = await getDb().user.findUnique({
    where: { id: claims.id },
    select: { id: true, email: true, name: true, locale: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== claims.sessionVersion) return null;
  const locale = LocaleSchema.safeParse(user.locale);
  return { ...user, locale: locale.success ? locale.data : "en" };
});

/** For pages: the signed-in user, or a redirect to /signin that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/signin?next=${encodeURIComponent(returnTo)}` : "/signin");
  return user;
}
