import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, ChangedMigrationError, migrationChecksum, readMigrations } from "./migrate.ts";
import { providers } from "./testing/providers.ts";
import type { FreshDb } from "./testing/fresh-db.ts";

describe("migration files", () => {
  it("exist for both providers with the same names, in order", () => {
    const sqlite = readMigrations("sqlite").map((m) => m.name);
    expect(sqlite.length).toBeGreaterThan(0);
    expect(readMigrations("postgresql").map((m) => m.name)).toEqual(sqlite);
    expect([...sqlite].sort()).toEqual(sqlite);
  });
});

describe.each(providers())("migrations on $name", ({ fresh }) => {
  let f: FreshDb;
  afterEach(() => f.dispose());

  it("apply once, create every model's table, and are a no-op the second time", async () => {
    f = await fresh();
    expect(await applyMigrations(f.config)).toEqual([]);
    // Every model answers a query: the schema and the migrations agree.
    const counts = await Promise.all([
      f.db.user.count(), f.db.loginAttempt.count(), f.db.course.count(), f.db.joinCode.count(),
      f.db.enrollment.count(), f.db.lesson.count(), f.db.lessonProgress.count(), f.db.exercise.count(),
      f.db.exerciseVersion.count(), f.db.assignment.count(), f.db.draft.count(), f.db.submission.count(),
      f.db.gradingJob.count(), f.db.testResult.count(), f.db.auditLog.count(),
    ]);
    expect(counts.every((c) => c === 0)).toBe(true);
  });

  it("roll back a failing migration and leave the ledger unchanged", async () => {
    f = await fresh();
    const bad = [{ name: "9999_bad", sql: 'CREATE TABLE "ok_table" (id INTEGER); CREATE TABLE broken (' }];
    await expect(applyMigrations(f.config, bad)).rejects.toThrow();
    expect(await applyMigrations(f.config, [])).toEqual([]);
  });

  const ledger = async (): Promise<{ name: string; checksum: string | null }[]> =>
    f.db.$queryRawUnsafe(`SELECT name, checksum FROM "_course_migrations" ORDER BY name`);

  it("record each applied migration's sha256 and refuse to run when an applied file changed", async () => {
    f = await fresh();
    const files = readMigrations(f.config.provider);
    expect(await ledger()).toEqual(files.map((m) => ({ name: m.name, checksum: migrationChecksum(m.sql) })));

    const edited = files.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- an edit after the fact\n` } : m));
    const pending = { name: "9999_pending", sql: 'CREATE TABLE "never_created" (id INTEGER)' };
    const run = applyMigrations(f.config, [...edited, pending]);
    await expect(run).rejects.toBeInstanceOf(ChangedMigrationError);
    await expect(applyMigrations(f.config, edited)).rejects.toThrow(new RegExp(`^migration ${files[0]!.name} was changed after it was applied`));
    // Nothing ran: the pending migration is not in the ledger.
    expect((await ledger()).map((r) => r.name)).toEqual(files.map((m) => m.name));
  });

  it("add the checksum column to a ledger from before checksums, and fill it from the files", async () => {
    f = await fresh();
    await f.db.$executeRawUnsafe(`ALTER TABLE "_course_migrations" DROP COLUMN checksum`);
    expect(await applyMigrations(f.config)).toEqual([]);
    const files = readMigrations(f.config.provider);
    expect(await ledger()).toEqual(files.map((m) => ({ name: m.name, checksum: migrationChecksum(m.sql) })));
  });
});
