/**
 * Throwaway Redis and PostgreSQL servers on free loopback ports, owned by one test or bench run:
 * the fault tests restart them, which must never touch the shared servers other tests use.
 * Test and bench tooling only (not part of the grader's runtime surface).
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { pgBinFromEnv } from "./config.ts";

const run = promisify(execFile);

export interface LocalServer {
  url: string;
  port: number;
  /** Stops the server abruptly (SIGKILL for Redis, immediate shutdown for PostgreSQL). */
  crash(): Promise<void>;
  /** Starts it again on the same port (Redis comes back empty: it has no persistence). */
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  dispose(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until(cond: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One PING over a raw socket: true when Redis answers PONG. */
function redisAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("data", (d) => done(d.toString().startsWith("+PONG")));
    socket.write("PING\r\n");
  });
}

export function redisAvailable(): boolean {
  return ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].some((p) => existsSync(p));
}

/** redis-server in the foreground, as our child, without persistence (as services.sh runs it). */
export async function startRedis(): Promise<LocalServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn("redis-server", ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await until(() => redisAnswers(port), `redis-server on port ${port}`);
  };
  const stop = async () => {
    const c = child;
    child = undefined;
    if (!c || c.exitCode !== null) return;
    const exited = new Promise((r) => c.once("exit", r));
    c.kill("SIGKILL");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, crash: stop, start, dispose: stop };
}

function pgBin(): string | undefined {
  const configured = pgBinFromEnv();
  if (configured) return configured;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => join(root, v, "bin")).find((d) => existsSync(join(d, "initdb")));
}

export function postgresAvailable(): boolean {
  return pgBin() !== undefined;
}

/** initdb refuses to run as root: run the server tools as the postgres user then. */
function asPostgres(bin: string, args: string[]): Promise<unknown> {
  return process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", bin, ...args]) : run(bin, args);
}

/** A new PostgreSQL cluster in a temporary folder (a few seconds: initdb). */
export async function startPostgres(): Promise<LocalServer> {
  const bin = pgBin();
  if (!bin) throw new Error("PostgreSQL server binaries not found (apt-get install postgresql, or set PG_BIN)");
  const dir = mkdtempSync(join(tmpdir(), "course-pg-"));
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const data = join(dir, "data");
  await asPostgres(join(bin, "initdb"), ["-D", data, "-A", "trust", "-U", "postgres"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = async () => {
    await asPostgres(join(bin, "pg_ctl"), ["-D", data, "-l", join(dir, "server.log"), "-w", "-o", options, "start"]);
  };
  const stop = async (mode: "immediate" | "fast") => {
    await asPostgres(join(bin, "pg_ctl"), ["-D", data, "-m", mode, "-w", "stop"]).catch(() => undefined);
  };
  await start();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    crash: () => stop("immediate"),
    start,
    async dispose() {
      await stop("fast");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
