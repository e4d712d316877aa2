// The web app's configuration: the only module that reads process.env, parsed once with zod.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, DbConfigSchema, type DbConfig } from "@course/db";
import { isAddressOrRange, TrustedProxies } from "./security/client-address.ts";
import { SiteUrlSchema } from "./site-env.ts";

const DEV_SECRET = "dev-only-secret-change-me-dev-only-secret";

const url = (name: string) =>
  z.url({ error: `${name} must be an absolute URL such as http://127.0.0.1:3000` }).optional();

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),
    NEXTAUTH_SECRET: z
      .string()
      .min(32, "NEXTAUTH_SECRET must be at least 32 characters (generate one with `openssl rand -base64 32`)")
      .optional(),
    NEXTAUTH_URL: SiteUrlSchema,
    GRADER_URL: url("GRADER_URL"),
    /** Bearer token for the grader's HTTP API (same value the grader is started with). */
    GRADER_TOKEN: z.string().min(16, "GRADER_TOKEN must be at least 16 characters").optional(),
    /** Hours a sign-in stays valid (absolute, not extended by activity). */
    SESSION_MAX_AGE_HOURS: z.coerce.number().positive("SESSION_MAX_AGE_HOURS must be a positive number").default(12),
    /** Login rate limit: failures allowed per email and per client address inside the window. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Proxies whose X-Forwarded-For is believed: addresses or CIDR ranges, comma-separated. None: the socket address. */
    TRUSTED_PROXIES: z
      .string()
      .default("")
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
      .refine((entries) => entries.every(isAddressOrRange), {
        error: "TRUSTED_PROXIES must be comma-separated IP addresses or CIDR ranges, such as 10.0.0.1,10.1.0.0/16",
      }),
    /** Sign-ups allowed per client address per hour (each costs an argon2 hash). */
    SIGNUP_MAX_PER_HOUR: z.coerce.number().int().min(1).default(10),
    /** Outgoing mail for password resets, e.g. smtps://user:pass@mail.example.org:465 (unset: no reset by email). */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must be an smtp:// or smtps:// URL such as smtps://user:pass@mail.example.org:465")
      .optional(),
    /** The From address of those mails, e.g. "Course <noreply@example.org>". */
    MAIL_FROM: z.string().trim().min(3, "MAIL_FROM must be an address such as Course <noreply@example.org>").optional(),
    /** Reset-by-email requests allowed per client address per hour. */
    RESET_MAX_PER_HOUR: z.coerce.number().int().min(1).default(5),
    /** Submissions allowed per user per minute. */
    SUBMIT_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  })
  .transform((env, ctx) => {
    const db = DbConfigSchema.safeParse({ url: env.DATABASE_URL });
    if (!db.success) {
      for (const issue of db.error.issues) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: issue.message });
      return z.NEVER;
    }
    if (Boolean(env.SMTP_URL) !== Boolean(env.MAIL_FROM)) {
      ctx.addIssue({ code: "custom", path: [env.SMTP_URL ? "MAIL_FROM" : "SMTP_URL"], message: "SMTP_URL and MAIL_FROM go together: set both to send password reset emails, or neither" });
      return z.NEVER;
    }
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "NEXTAUTH_SECRET is required in production" });
      return z.NEVER;
    }
    return {
      nodeEnv: env.NODE_ENV,
      db: db.data satisfies DbConfig,
      authSecret: env.NEXTAUTH_SECRET ?? DEV_SECRET,
      authUrl: env.NEXTAUTH_URL,
      graderUrl: env.GRADER_URL,
      graderToken: env.GRADER_TOKEN,
      sessionMaxAgeSeconds: Math.round(env.SESSION_MAX_AGE_HOURS * 3600),
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginWindowMs: env.LOGIN_WINDOW_MINUTES * 60_000,
      trustedProxies: new TrustedProxies(env.TRUSTED_PROXIES),
      signupMaxPerHour: env.SIGNUP_MAX_PER_HOUR,
      submitMaxPerMinute: env.SUBMIT_MAX_PER_MINUTE,
      mail: env.SMTP_URL && env.MAIL_FROM ? { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM } : null,
      resetMaxPerHour: env.RESET_MAX_PER_HOUR,
      secureCookies: env.NEXTAUTH_URL?.startsWith("https://") ?? false,
    };
  });

export type Env = z.output<typeof EnvSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** Parses an environment; throws one EnvError naming every bad variable. */
export function parseEnv(input: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new EnvError(`Invalid web app environment:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use (so `next build` needs no secrets). */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
