// Entry point of `pnpm admin` (see admin-command.ts).
import { text } from "node:stream/consumers";
import { createDb } from "../client.ts";
import { dbConfigFromEnv } from "../config.ts";
import { runAdmin } from "./admin-command.ts";

process.exitCode = await runAdmin(process.argv.slice(2), () => createDb(dbConfigFromEnv()), {
  stdin: () => text(process.stdin),
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
