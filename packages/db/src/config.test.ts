import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_DATABASE_URL, dbConfigFromEnv, parseDbConfig } from "./config.ts";

describe("database config", () => {
  it("derives the provider from the URL", () => {
    expect(parseDbConfig({ url: "file:./data/x.db" }).provider).toBe("sqlite");
    expect(parseDbConfig({ url: "postgresql://u@h:5432/d" }).provider).toBe("postgresql");
    expect(parseDbConfig({ url: "postgres://u@h/d" }).provider).toBe("postgresql");
  });

  it("defaults to the embedded SQLite file", () => {
    expect(dbConfigFromEnv({})).toEqual({ url: DEFAULT_DATABASE_URL, provider: "sqlite" });
  });

  it("rejects an unsupported URL with a message naming the variable", () => {
    expect(() => parseDbConfig({ url: "mysql://u@h/d" })).toThrow(ConfigError);
    expect(() => dbConfigFromEnv({ DATABASE_URL: "mysql://u@h/d" })).toThrow(/url: DATABASE_URL must start with "file:"/);
    expect(() => parseDbConfig({ url: "" })).toThrow(/DATABASE_URL is required/);
  });
});
