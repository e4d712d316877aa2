import { describe, expect, it } from "vitest";
import { dbProvider } from "./client.ts";
import { providers } from "./testing/providers.ts";
import type { Db } from "./client.ts";

describe("dbProvider", () => {
  it.each(providers())("names the database behind a client made by createDb ($name)", async ({ name, fresh }) => {
    const f = await fresh();
    try {
      expect(dbProvider(f.db)).toBe(name);
    } finally {
      await f.dispose();
    }
  });

  it("refuses a client it did not make rather than guess", () => {
    expect(() => dbProvider({} as Db)).toThrow(/not made by createDb/);
  });
});
