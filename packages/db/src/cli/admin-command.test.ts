import { execFileSync, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../passwords.ts";
import { freshSqlite, type FreshDb } from "../testing/fresh-db.ts";
import { runAdmin } from "./admin-command.ts";
import type { CliIo } from "./io.ts";

function io(stdin: string) {
  const out: string[] = [];
  const err: string[] = [];
  let read = false;
  const cli: CliIo = { stdin: async () => ((read = true), stdin), out: (l) => out.push(l), err: (l) => err.push(l) };
  return { cli, out, err, read: () => read };
}

describe("pnpm admin create-user (SQLite)", () => {
  let f: FreshDb;
  beforeEach(async () => {
    f = await freshSqlite();
  });
  afterEach(() => f.dispose());
  // runAdmin disconnects the client it opens; the test keeps its own.
  const open = () => ({ ...f.db, $disconnect: async () => {} }) as unknown as typeof f.db;

  it("creates an instructor with the password from stdin", async () => {
    const t = io("teach-pass-1\n");
    const code = await runAdmin(["create-user", "--email", "Ada@Example.org", "--name", "Ada Lovelace", "--role", "instructor", "--password-stdin"], open, t.cli);
    expect(t.err).toEqual([]);
    expect(code).toBe(0);
    expect(t.out[0]).toBe("created ada@example.org (Ada Lovelace), platform role instructor");
  });

  it("stores the account with its platform role and a hash of the password", async () => {
    const t = io("teach-pass-1\n");
    await runAdmin(["create-user", "--email", "ada@example.org", "--name", "Ada", "--role", "admin"], open, t.cli);
    const user = await f.db.user.findUniqueOrThrow({ where: { email: "ada@example.org" } });
    expect(user.platformRole).toBe("admin");
    expect(await verifyPassword(user.passwordHash, "teach-pass-1")).toBe(true);
  });

  it.each([
    [["create-user", "--email", "not-an-email", "--name", "A", "--role", "instructor"], /--email must be an email address/],
    [["create-user", "--email", "a@example.org", "--role", "instructor"], /--name is required/],
    [["create-user", "--email", "a@example.org", "--name", "A", "--role", "teacher"], /--role must be instructor, admin or user/],
    [["create-user", "--email", "a@example.org", "--name", "A", "--role", "user", "--colour", "red"], /Unknown option '--colour'/],
    [["make-user"], /unknown command: make-user/],
    [[], /a command is required/],
  ])("refuses %j with a usage error (exit 2) before reading stdin", async (argv, message) => {
    const t = io("teach-pass-1\n");
    expect(await runAdmin(argv, open, t.cli)).toBe(2);
    expect(t.err.join("\n")).toMatch(message);
    expect(t.err.join("\n")).toContain("usage: pnpm admin create-user");
    expect(t.read()).toBe(false);
    expect(await f.db.user.count()).toBe(0);
  });

  it("refuses a weak password and an email that already has an account", async () => {
    const weak = io("short\n");
    expect(await runAdmin(["create-user", "--email", "a@example.org", "--name", "A", "--role", "user"], open, weak.cli)).toBe(2);
    expect(weak.err[0]).toMatch(/at least 10 characters/);
    const first = io("teach-pass-1\n");
    expect(await runAdmin(["create-user", "--email", "a@example.org", "--name", "A", "--role", "user"], open, first.cli)).toBe(0);
    const again = io("teach-pass-2\n");
    expect(await runAdmin(["create-user", "--email", "A@example.org", "--name", "B", "--role", "instructor"], open, again.cli)).toBe(1);
    expect(again.err[0]).toMatch(/already exists/);
    expect(await f.db.user.count()).toBe(1);
  });

  it("runs as `pnpm admin`: exit codes and messages from the real process", () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), "../../../..");
    // env(1) runs pnpm with the inherited environment plus this database.
    const command = ["DATABASE_URL=" + f.config.url, "pnpm", "-s", "admin", "create-user", "--email", "cli@example.org", "--name", "Cli", "--role", "instructor"];
    const ok = execFileSync("env", command, { cwd: root, input: "teach-pass-9\n", encoding: "utf8" });
    expect(ok).toContain("created cli@example.org");
    const bad = spawnSync("env", command, { cwd: root, input: "teach-pass-9\n", encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("already exists");
  });
});
