// Reset by email against a real SMTP server: smtp-server listening on loopback inside the test
// receives what nodemailer sends, and the link in the mail resets the password once.
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { checkPasswordReset, usePasswordReset, verifyPassword } from "@course/db";
import { freshSqlite, type FreshDb } from "@course/db/testing";
import { ApiError } from "./api-error.ts";
import { limitResetRequests, requestEmailReset } from "./password-reset.ts";

interface Received {
  to: string[];
  raw: string;
}

/** Undoes quoted-printable soft line breaks and escapes (enough for an ASCII body). */
function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("password reset by email", () => {
  let server: SMTPServer;
  let smtpUrl: string;
  let inbox: Received[] = [];
  let f: FreshDb;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(async () => {
    inbox = [];
    f = await freshSqlite();
    await f.db.user.create({ data: { email: "sam@example.com", name: "Sam", passwordHash: "x" } });
  });
  afterEach(() => f.dispose());

  const mail = () => ({ smtpUrl, from: "Course <noreply@example.org>" });

  it("mails a one-time link that sets the password and then stops working", async () => {
    const now = new Date();
    const { delivery } = await requestEmailReset(f.db, { email: "sam@example.com", origin: "https://course.example.org", siteName: "Deep Learning Course", mail: mail() }, now);
    await delivery;
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.to).toEqual(["sam@example.com"]);
    const body = decodeQuotedPrintable(inbox[0]!.raw);
    expect(body).toContain("Subject: Reset your password");
    const link = body.match(/https:\/\/course\.example\.org\/reset\/([A-Za-z0-9_-]+)/);
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]!);
    expect(await checkPasswordReset(f.db, token)).toMatchObject({ status: "valid", email: "sam@example.com" });
    expect(await usePasswordReset(f.db, token, "mailed-pass-1")).toMatchObject({ status: "done" });
    const user = await f.db.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    expect(await verifyPassword(user.passwordHash, "mailed-pass-1")).toBe(true);
    expect(await usePasswordReset(f.db, token, "again-pass-2")).toEqual({ status: "used" });
  });

  it("sends nothing and stores nothing for an email without an account", async () => {
    const { delivery } = await requestEmailReset(f.db, { email: "ghost@example.com", origin: "https://course.example.org", siteName: "Course", mail: mail() });
    await delivery;
    expect(inbox).toEqual([]);
    expect(await f.db.passwordReset.count()).toBe(0);
  });

  it("rate-limits requests per client address", async () => {
    const now = new Date("2026-05-01T10:00:00Z");
    await limitResetRequests(f.db, "203.0.113.9", 2, now);
    await limitResetRequests(f.db, "203.0.113.9", 2, now);
    const refused = await limitResetRequests(f.db, "203.0.113.9", 2, now).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(429);
    await expect(limitResetRequests(f.db, "198.51.100.1", 2, now)).resolves.toBeUndefined();
    await expect(limitResetRequests(f.db, "203.0.113.9", 2, new Date(now.getTime() + 3_600_001))).resolves.toBeUndefined();
  });
});
