/**
 * Grader service entry point (run with `node --no-node-snapshot --import tsx src/main.ts`, or
 * `pnpm --filter @course/grader start`): config → database → sandbox pool → queue → HTTP.
 * SIGTERM/SIGINT drain: stop claiming, finish in-flight gradings, close the pool, exit 0.
 */
import { ConfigError } from "@course/db";
import { loadConfig } from "./lib/config.ts";
import { jsonLogger } from "./lib/log.ts";
import { startService } from "./lib/service.ts";

const log = jsonLogger("grader");

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78);
    }
    throw e;
  }
  const service = await startService({ config, log });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log("info", `received ${signal}`);
    const hard = setTimeout(() => {
      log("error", "drain took too long; exiting (unfinished jobs will be recovered by another worker)");
      process.exit(1);
    }, config.queue.drainMs + 5000);
    hard.unref();
    service.drain().then(
      () => process.exit(0),
      (e: unknown) => {
        log("error", "drain failed", { error: String(e) });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((e: unknown) => {
  log("error", "grader failed to start", { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  process.exit(1);
});
