// Entry point of `pnpm db:seed` (see seed-command.ts).
import { text } from "node:stream/consumers";
import { createDb } from "../client.ts";
import { dbConfigFromEnv } from "../config.ts";
import { loadDemoContent } from "../seed/index.ts";
import { runSeed } from "./seed-command.ts";

const db = createDb(dbConfigFromEnv());
try {
  process.exitCode = await runSeed(process.argv.slice(2), db, loadDemoContent, {
    stdin: () => text(process.stdin),
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  });
} finally {
  await db.$disconnect();
}
