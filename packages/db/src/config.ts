import { z } from "zod";

/** Where the database lives. The provider follows from the URL's scheme. */
export const DbConfigSchema = z
  .object({
    url: z
      .string({ error: "DATABASE_URL is required" })
      .min(1, "DATABASE_URL is required")
      .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
        message: 'DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)',
      }),
  })
  .transform(({ url }) => ({
    url,
    provider: url.startsWith("file:") ? ("sqlite" as const) : ("postgresql" as const),
  }));

export type DbConfig = z.output<typeof DbConfigSchema>;

/** The embedded default: a SQLite file under data/ at the repository root's working directory. */
export const DEFAULT_DATABASE_URL = "file:./data/course.db";

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses a config and turns zod issues into one readable error naming each bad variable. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new ConfigError(`Invalid ${what}:\n${lines.join("\n")}`);
}

export function parseDbConfig(input: { url?: string | undefined }): DbConfig {
  return parseWith(DbConfigSchema, input, "database configuration");
}

/** The one place the db package reads the environment. */
export function dbConfigFromEnv(env: Record<string, string | undefined> = process.env): DbConfig {
  return parseDbConfig({ url: env.DATABASE_URL ?? DEFAULT_DATABASE_URL });
}
