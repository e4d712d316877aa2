// next-auth 4 configuration: email + password (Credentials), JWT sessions with an absolute
// lifetime, rate-limited sign-in attempts recorded in LoginAttempt.
import type { AuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { hashPassword, verifyPassword, type Db } from "@course/db";
import { rateLimitedError } from "./auth-errors.ts";
import type { Env } from "./env.ts";
import { checkLogin, clientIp, normalizeEmail, recordLogin } from "./rate-limit.ts";
import { nowSeconds, sessionExpired, SessionExpiredError } from "./session.ts";

const CredentialsSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});

let dummyHash: Promise<string> | undefined;

/** Checks an email and password; null for a wrong pair, throws a rate_limited:N error when blocked. */
export async function authorizeCredentials(
  db: Db,
  env: Pick<Env, "loginMaxFailures" | "loginWindowMs">,
  input: unknown,
  ip: string,
  now: Date = new Date(),
): Promise<User | null> {
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const email = normalizeEmail(parsed.data.email);
  const limits = { maxPerEmail: env.loginMaxFailures, maxPerIp: env.loginMaxFailures * 4, windowMs: env.loginWindowMs };
  const verdict = await checkLogin(db, { email, ip }, limits, now);
  if (!verdict.allowed) throw new Error(rateLimitedError(verdict.retryAfterMinutes));

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  // Verify against a throwaway hash when the account does not exist, so timing does not tell.
  dummyHash ??= hashPassword("not-a-real-password-just-for-timing");
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), parsed.data.password);
  const success = ok && user !== null;
  await recordLogin(db, { email, ip, success }, now);
  return success ? { id: user.id, email: user.email, name: user.name } : null;
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
        authorize: (credentials, req) => authorizeCredentials(getDb(), env, credentials, clientIp(req.headers ?? {})),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { ...token, sub: user.id, authTime: nowSeconds() };
        if (sessionExpired(token, env.sessionMaxAgeSeconds)) throw new SessionExpiredError();
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub ?? "" } };
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
