import { z } from "zod";

const ServerEnvSchema = z.object({ PG_BIN: z.string().min(1).optional() });

/** Where the PostgreSQL server binaries are, when not under /usr/lib/postgresql/<version>/bin. */
export function pgBinFromEnv(env: Record<string, string | undefined> = process.env): string | undefined {
  return ServerEnvSchema.parse(env).PG_BIN;
}
