import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../passwords.ts";
import { providers } from "../testing/providers.ts";
import type { FreshDb } from "../testing/fresh-db.ts";
import { DomainError } from "../errors.ts";
import { endSessions, resetPassword, setPassword } from "./sessions.ts";

describe.each(providers())("session versions on $name", ({ fresh }) => {
  let f: FreshDb;
  let userId: string;
  beforeEach(async () => {
    f = await fresh();
    userId = (await f.db.user.create({ data: { email: "s@example.com", name: "S", passwordHash: "x" } })).id;
  });
  afterEach(() => f.dispose());

  const version = async () => (await f.db.user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;

  it("starts at 0 and moves on with each sign-out, so older tokens stop matching", async () => {
    expect(await version()).toBe(0);
    await endSessions(f.db, userId);
    expect(await version()).toBe(1);
    await endSessions(f.db, userId);
    expect(await version()).toBe(2);
  });

  it("a password change or reset stores the new hash and ends the old sessions", async () => {
    await setPassword(f.db, userId, "new-pass-123");
    const user = await f.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.sessionVersion).toBe(1);
    expect(await verifyPassword(user.passwordHash, "new-pass-123")).toBe(true);
  });

  it("an operator's reset finds the account by email, ends its sessions, and names a missing one", async () => {
    await resetPassword(f.db, " S@Example.com", "reset-pass-456");
    const user = await f.db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.sessionVersion).toBe(1);
    expect(await verifyPassword(user.passwordHash, "reset-pass-456")).toBe(true);
    await expect(resetPassword(f.db, "ghost@example.com", "reset-pass-456")).rejects.toThrow(DomainError);
  });

  it("ignores an unknown user rather than failing a sign-out", async () => {
    await expect(endSessions(f.db, "nobody")).resolves.toBeUndefined();
  });
});
