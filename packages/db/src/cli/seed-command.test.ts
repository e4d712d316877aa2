import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freshSqlite, type FreshDb } from "../testing/fresh-db.ts";
import { DEMO, type DemoContent } from "../seed/index.ts";
import { runSeed } from "./seed-command.ts";
import type { CliIo } from "./io.ts";

const content: DemoContent = {
  lessons: [{ slug: "01-a", number: 1, title: "A" }],
  exercises: [{ slug: "dense-forward", lesson: 1, title: "Dense", contentHash: "h1", manifest: { id: "dense-forward" }, starterCode: "s" }],
};

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { stdin: async () => "", out: (l) => out.push(l), err: (l) => err.push(l) };
  return { cli, out, err };
}

describe("pnpm db:seed (SQLite)", () => {
  let f: FreshDb;
  beforeEach(async () => {
    f = await freshSqlite();
  });
  afterEach(() => f.dispose());

  it("without --demo loads the course content and creates no account and no join code", async () => {
    const t = io();
    expect(await runSeed([], f.db, async () => content, t.cli)).toBe(0);
    expect(await f.db.course.count()).toBe(1);
    expect(await f.db.assignment.count()).toBe(1);
    expect(await f.db.user.count()).toBe(0);
    expect(await f.db.joinCode.count()).toBe(0);
    expect(t.out.join("\n")).not.toContain(DEMO.instructor.password);
  });

  it("--demo adds the demo accounts and codes; the demo instructor may create courses", async () => {
    const t = io();
    expect(await runSeed(["--demo"], f.db, async () => content, t.cli)).toBe(0);
    const instructor = await f.db.user.findUniqueOrThrow({ where: { email: DEMO.instructor.email } });
    expect(instructor.platformRole).toBe("instructor");
    expect(await f.db.joinCode.count()).toBe(2);
    expect(t.out.join("\n")).toContain(DEMO.student.password);
  });

  it("--instructor enrols an existing account as the built-in course's instructor, and names a missing one", async () => {
    await f.db.user.create({ data: { email: "ada@example.org", name: "Ada", passwordHash: "x", platformRole: "instructor" } });
    expect(await runSeed(["--instructor", "ada@example.org"], f.db, async () => content, io().cli)).toBe(0);
    expect(await f.db.enrollment.findFirst({ where: { user: { email: "ada@example.org" } } })).toMatchObject({ role: "instructor" });
    const missing = io();
    expect(await runSeed(["--instructor", "ghost@example.org"], f.db, async () => content, missing.cli)).toBe(1);
    expect(missing.err[0]).toMatch(/No account has the email ghost@example.org/);
  });

  it("refuses unknown flags and a bad email with exit 2", async () => {
    const t = io();
    expect(await runSeed(["--demo-accounts"], f.db, async () => content, t.cli)).toBe(2);
    expect(t.err[0]).toMatch(/Unknown option/);
    expect(await runSeed(["--instructor", "nope"], f.db, async () => content, t.cli)).toBe(2);
    expect(await f.db.course.count()).toBe(0);
  });
});
