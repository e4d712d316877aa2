// pnpm db:reset-password <email>: sets a new password read from stdin (one line, so it stays out
// of the shell history and the process list) and ends every session of the account.
import { text } from "node:stream/consumers";
import { z } from "zod";
import { createDb } from "../client.ts";
import { dbConfigFromEnv } from "../config.ts";
import { resetPassword } from "../repositories/sessions.ts";

const ArgsSchema = z.object({
  email: z.email({ error: "usage: db:reset-password <email>  (the new password on stdin)" }),
  password: z.string().min(10, "the new password must be at least 10 characters").max(128, "the new password can be at most 128 characters"),
});

const parsed = ArgsSchema.safeParse({ email: process.argv[2], password: (await text(process.stdin)).split(/\r?\n/)[0] ?? "" });
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  process.exit(2);
}
const db = createDb(dbConfigFromEnv());
try {
  await resetPassword(db, parsed.data.email, parsed.data.password);
  console.log(`password reset for ${parsed.data.email}; its sessions have ended`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
