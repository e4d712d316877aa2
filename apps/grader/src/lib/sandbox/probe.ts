/**
 * Diagnostics: run a probe script in the same box a sandbox host gets (same command line, same
 * user, same rlimits), to check what an isolate escape would find there.
 */
import { spawn } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostCommand } from "./host-process.ts";
import type { SandboxPool } from "./pool.ts";

const PROBE = `
const fs = require("fs"), net = require("net"), cp = require("child_process");
const out = { uid: process.getuid(), env: Object.keys(process.env) };
const tryIt = (f) => { try { return String(f()); } catch (e) { return e.code || e.message; } };
out.passwd = tryIt(() => fs.readFileSync("/etc/passwd", "utf8").slice(0, 20));
out.workdir = tryIt(() => fs.readdirSync(process.argv[5]).join(","));
out.write = tryIt(() => { fs.writeFileSync("/sandbox/bundle/x", "x"); return "written"; });
out.spawn = tryIt(() => { const r = cp.spawnSync("/bin/sh", ["-c", "id"]); if (r.error) throw r.error; return "spawned"; });
const s = net.connect(Number(process.argv[4]), "127.0.0.1");
s.on("connect", () => { out.net = "connected"; done(); });
s.on("error", (e) => { out.net = e.code || e.message; done(); });
function done() { process.stdout.write(JSON.stringify(out) + "\\n"); process.exit(0); }
`;

export interface ProbeReport {
  uid: number;
  env: string[];
  passwd: string;
  workdir: string;
  write: string;
  spawn: string;
  net: string;
}

export async function probeHostBox(pool: SandboxPool, port: number, secretDir = process.cwd()): Promise<ProbeReport> {
  const dir = mkdtempSync(join(tmpdir(), "grader-probe-"));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, "host.cjs"), PROBE, { mode: 0o644 });
  try {
    const launch = pool.launch();
    const bundle = { ...launch.bundle, dir, hostPath: join(dir, "host.cjs") };
    const cmd = hostCommand({ ...launch, bundle, useCache: false });
    // host.cjs receives: realm path, cache path, memory; we append the port and a path to look for.
    const args = [...cmd.args.slice(0, -1), String(port), secretDir];
    const asRoot = process.getuid?.() === 0;
    const child = spawn(cmd.file, args, { env: cmd.env, stdio: ["ignore", "pipe", "pipe"], ...(asRoot ? { uid: launch.uid, gid: launch.gid } : {}) });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    await new Promise((r) => child.on("exit", r));
    try {
      return JSON.parse(out) as ProbeReport;
    } catch {
      throw new Error(`probe produced no report: ${err.slice(0, 500)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
