import { z } from "zod";

const TestServicesSchema = z.object({
  TEST_POSTGRES_URL: z.string().startsWith("postgres").optional(),
  TEST_REDIS_URL: z.string().startsWith("redis://").optional(),
  CI: z.string().optional(),
});

/** Test-only configuration: where the throwaway PostgreSQL and Redis servers are. */
export function testServices(env: Record<string, string | undefined> = process.env) {
  const e = TestServicesSchema.parse(env);
  return {
    postgresUrl: e.TEST_POSTGRES_URL,
    redisUrl: e.TEST_REDIS_URL,
    requireServices: e.CI === "true" || e.CI === "1",
  };
}
