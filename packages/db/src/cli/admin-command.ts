// `pnpm admin create-user --email E --name N --role instructor|admin|user [--password-stdin]`:
// the platform operator's tool. The password is read from stdin (one line, so it stays out of the
// shell history and the process list); every argument is checked with zod before anything is written.
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Db } from "../client.ts";
import { PlatformRoleSchema } from "../enums.ts";
import { DomainError } from "../errors.ts";
import { createUser } from "../repositories/users.ts";
import { EXIT, type CliIo } from "./io.ts";

export const ADMIN_USAGE = `usage: pnpm admin create-user --email <email> --name <name> --role instructor|admin|user [--password-stdin]
  The password is read from standard input (first line), e.g.  printf '%s\\n' "$PASSWORD" | pnpm admin create-user ...`;

const CreateUserArgs = z.object({
  email: z.string({ error: "--email is required" }).trim().toLowerCase().pipe(z.email({ error: "--email must be an email address such as ada@example.org" })),
  name: z.string({ error: "--name is required" }).trim().min(1, "--name must not be empty").max(80, "--name can be at most 80 characters"),
  role: z.enum(PlatformRoleSchema.options, { error: "--role must be instructor, admin or user" }),
  password: z
    .string()
    .min(10, "the password (on stdin) must be at least 10 characters")
    .max(128, "the password (on stdin) can be at most 128 characters")
    .regex(/\p{L}/u, "the password (on stdin) needs a letter")
    .regex(/\p{N}/u, "the password (on stdin) needs a digit"),
});

function usageError(io: CliIo, message: string): number {
  io.err(message);
  io.err(ADMIN_USAGE);
  return EXIT.usage;
}

/** Runs `admin <argv…>` against `db`; returns the exit code. */
export async function runAdmin(argv: string[], openDb: () => Db, io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== "create-user") return usageError(io, command ? `unknown command: ${command}` : "a command is required");
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, "password-stdin": { type: "boolean" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usageError(io, (error as Error).message);
  }
  // Check the arguments before waiting on stdin, so a typo is reported at once.
  const argsOnly = CreateUserArgs.omit({ password: true }).safeParse(values);
  if (!argsOnly.success) return usageError(io, argsOnly.error.issues.map((i) => i.message).join("\n"));
  const password = (await io.stdin()).split(/\r?\n/)[0] ?? "";
  const parsed = CreateUserArgs.safeParse({ ...values, password });
  if (!parsed.success) return usageError(io, parsed.error.issues.map((i) => i.message).join("\n"));

  const db = openDb();
  try {
    const user = await createUser(db, { email: parsed.data.email, name: parsed.data.name, password: parsed.data.password, platformRole: parsed.data.role });
    io.out(`created ${user.email} (${user.name}), platform role ${user.platformRole}`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(error.message);
      return EXIT.failed;
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}
