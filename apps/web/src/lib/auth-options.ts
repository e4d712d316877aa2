// next-auth 4 configuration: email + password (Credentials), JWT sessions with an absolute
// lifetime, rate-limited sign-in attempts recorded in LoginAttempt.
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { endSessions, hashPassword, verifyPassword, type Db } from "@course/db";
import { rateLimitedError } from "./auth-errors.ts";
import type { Env } from "./env.ts";
import { checkLogin, normalizeEmail, recordLogin, type LoginLimits } from "./rate-limit.ts";
import { clientAddress } from "./security/client-address.ts";
import { nowSeconds, sessionExpired, SessionExpiredError } from "./session.ts";

const CredentialsSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

/** What authorize() hands to the jwt callback. */
type SessionUser = User & { sessionVersion: number };

/** The sign-in limits from the environment (see rate-limit.ts for what each one protects). */
export function loginLimits(env: Pick<Env, "loginMaxFailures" | "loginWindowMs">): LoginLimits {
  return {
    maxPerPair: env.loginMaxFailures,
    maxPerIp: env.loginMaxFailures * 4,
    backoffAfter: env.loginMaxFailures,
    backoffBaseMs: 1000,
    windowMs: env.loginWindowMs,
  };
}

let dummyHash: Promise<string> | undefined;

/** Checks an email and password; null for a wrong pair, throws a rate_limited:N error when blocked. */
export async function authorizeCredentials(
  db: Db,
  env: Pick<Env, "loginMaxFailures" | "loginWindowMs">,
  input: unknown,
  ip: string,
  now: Date = new Date(),
): Promise<SessionUser | null> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = normalizeEmail(parsed.data.email);
  const verdict = await checkLogin(db, { email, ip }, loginLimits(env), now);
  if (!verdict.allowed) throw new Error(rateLimitedError(verdict.retryAfterMinutes));

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true } });
  // Verify against a throwaway hash when the account does not exist, so timing does not tell.
  dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
  const success = ok && user !== null;
  await recordLogin(db, { email, ip, success }, now);
  return success ? { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
}

export function buildAuthOptions(env: Env, getDb: () => Db): AuthOptions {
  return {
    secret: env.authSecret,
    useSecureCookies: env.secureCookies,
    session: { strategy: "jwt", maxAge: env.sessionMaxAgeSeconds, updateAge: 60 * 60 },
    jwt: { maxAge: env.sessionMaxAgeSeconds },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(getDb(), env, credentials, clientAddress(req.headers ?? {}, env.trustedProxies)),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { ...token, sub: user.id, authTime: nowSeconds(), sessionVersion: (user as SessionUser).sessionVersion };
        if (sessionExpired(token, env.sessionMaxAgeSeconds)) throw new SessionExpiredError();
        // A sign-out, password change or reset since this token was signed moved the version on:
        // next-auth then clears the cookie, and /api/auth/session stops naming the user.
        const current = token.sub ? await getDb().user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true } }) : null;
        if (!current || current.sessionVersion !== token.sessionVersion) throw new SessionExpiredError();
        return token;
      },
      async session({ session, token }) {
        const sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : -1;
        return { ...session, user: { ...session.user, id: token.sub ?? "", sessionVersion } };
      },
    },
    events: {
      // next-auth's own sign-out endpoint ends every token of the user, like /api/signout.
      async signOut({ token }) {
        if (token.sub) await endSessions(getDb(), token.sub);
      },
    },
    logger: {
      error(code, metadata) {
        // An expired session is routine: the cookie is cleared and the user signs in again.
        const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        if (code === "JWT_SESSION_ERROR" && cause instanceof SessionExpiredError) return;
        console.error(`[auth] ${code}`, metadata);
      },
      warn(code) {
        if (code !== "NEXTAUTH_URL" && code !== "DEBUG_ENABLED") console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
  };
}
