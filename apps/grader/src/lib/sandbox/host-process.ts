/**
 * One sandbox-host child process seen from the trusted side: spawn (under bubblewrap when
 * available), wait for "ready", send one job, read one result, make sure the process is gone.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import type { Flavour, SandboxBundle } from "./bundle.ts";
import { MAX_KEPT_MODULES, type JobMessage, type ResultMessage } from "./protocol.ts";
import { HostMessageSchema, jsonDepthOk } from "./schemas.ts";
import type { ReadyMessageSchema, ResultMessageSchema } from "./schemas.ts";
import type { z } from "zod";

export interface HostLaunch {
  bundle: SandboxBundle;
  flavour: Flavour;
  /** The pool's lane for this host: its flavour, or "author" (course code, on the full realm). */
  lane?: Flavour | "author";
  memoryMb: number;
  /** Use bubblewrap (resolved by the pool: true only when it was found and works). */
  bwrap: boolean;
  bwrapPath: string;
  prlimitPath: string | undefined;
  /** Run as this uid/gid when the grader is root (ignored otherwise). */
  uid: number;
  gid: number;
  /** Virtual memory limit of the host process (RLIMIT_AS), bytes. */
  addressSpaceBytes: number;
  /** Whole-process CPU seconds (RLIMIT_CPU): a last resort behind the isolate's own limits. */
  cpuSeconds: number;
  /** Largest protocol line accepted from the host. */
  maxLineBytes: number;
  /** Use the code cache file. */
  useCache: boolean;
  /** RLIMIT_NPROC for the sandbox user (threads of all hosts count). */
  nproc: number;
  /** Submissions one host process serves (each in its own fresh isolate) before it is replaced. */
  maxJobs: number;
}

export type ReadyInfo = z.output<typeof ReadyMessageSchema>;

const SANDBOX_DIR = "/sandbox";

/** The shared-library folder node and isolated-vm need (the multiarch one when it exists). */
function libDir(): string {
  const multiarch = { x64: "/usr/lib/x86_64-linux-gnu", arm64: "/usr/lib/aarch64-linux-gnu" }[
    process.arch as "x64" | "arm64"
  ];
  return multiarch && existsSync(multiarch) ? multiarch : "/usr/lib";
}

/** The command line that starts a host; exported for tests and for /health diagnostics. */
export function hostCommand(l: HostLaunch): {
  file: string;
  args: string[];
  env: Record<string, string>;
} {
  // --no-lazy: V8 compiles every function of the realm bundle up front, so the code cache holds
  // all of tfjs's bytecode and a fresh isolate does not recompile kernels on first use.
  const nodeArgs = ["--no-node-snapshot", "--no-lazy"];
  let argv: string[];
  let env: Record<string, string>;
  if (l.bwrap) {
    const realm = `${SANDBOX_DIR}/bundle/realm-${l.flavour}.js`;
    const cache = l.useCache ? `${SANDBOX_DIR}/bundle/realm-${l.flavour}.cache` : "-";
    argv = [
      l.bwrapPath,
      "--unshare-all",
      "--die-with-parent",
      "--new-session",
      "--clearenv",
      "--cap-drop",
      "ALL",
      "--uid",
      "65534",
      "--gid",
      "65534",
      "--hostname",
      "sandbox",
      "--ro-bind",
      process.execPath,
      "/usr/bin/node",
      "--ro-bind",
      libDir(),
      libDir(),
      "--ro-bind-try",
      "/usr/lib64",
      "/usr/lib64",
      "--symlink",
      "usr/lib",
      "/lib",
      "--symlink",
      "usr/lib64",
      "/lib64",
      "--ro-bind",
      l.bundle.isolatedVmDir,
      `${SANDBOX_DIR}/node_modules/isolated-vm`,
      "--ro-bind",
      l.bundle.dir,
      `${SANDBOX_DIR}/bundle`,
      "--proc",
      "/proc",
      "--dev",
      "/dev",
      "--chdir",
      SANDBOX_DIR,
      "--",
      "/usr/bin/node",
      ...nodeArgs,
      `${SANDBOX_DIR}/bundle/host.cjs`,
      realm,
      cache,
      String(l.memoryMb),
      String(l.maxJobs),
    ];
    env = {};
  } else {
    argv = [
      process.execPath,
      ...nodeArgs,
      l.bundle.hostPath,
      l.bundle.realm[l.flavour].path,
      l.useCache ? l.bundle.realm[l.flavour].cachePath : "-",
      String(l.memoryMb),
      String(l.maxJobs),
    ];
    // Only what node needs to find isolated-vm; nothing from the grader's environment.
    env = { NODE_PATH: `${l.bundle.isolatedVmDir}/..` };
  }
  if (l.prlimitPath) {
    argv = [
      l.prlimitPath,
      `--as=${l.addressSpaceBytes}`,
      "--core=0",
      "--fsize=0",
      "--nofile=64",
      // Counts every thread of the sandbox user: room for the pool, no room for a fork bomb.
      `--nproc=${l.nproc}`,
      `--cpu=${l.cpuSeconds}`,
      "--",
      ...argv,
    ];
  }
  return { file: argv[0]!, args: argv.slice(1), env };
}

export interface HostResult {
  outcome: ResultMessage["outcome"];
  detail?: string;
  realm?: z.output<typeof ResultMessageSchema>["realm"];
  /** Where the host stopped the submission (timeout / memory_limit). */
  stoppedAt?: z.output<typeof ResultMessageSchema>["stoppedAt"];
  cpuMs: number;
  wallMs: number;
  phases?: Record<string, number>;
  /** The host will not take another job. */
  retiring: boolean;
}

/**
 * A live host. `ready` settles when its first isolate is warm; after each clean `run` the host
 * warms a fresh isolate and `nextReady()` settles again.
 */
export class HostProcess {
  readonly child: ChildProcess;
  readonly ready: Promise<ReadyInfo>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The chunks of a line whose newline has not arrived yet. */
  private partial: string[] = [];
  private partialLength = 0;
  private lines: string[] = [];
  private waiters: ((line: string | undefined) => void)[] = [];
  private closed = false;
  private stderr = "";
  private overflow = false;
  jobs = 0;
  retired = false;
  readonly flavour: Flavour;
  readonly lane: Flavour | "author";
  /**
   * Reuse keys (course bundles) whose module this author host keeps, least recently used first:
   * the same rule as the host's own (host/main.ts keeps MAX_KEPT), so its code need not be sent.
   */
  readonly keys = new Set<string>();

  /** After a job with reuse key `key`: the host keeps the module when it loaded and the job ended cleanly. */
  remember(key: string, kept: boolean): void {
    this.keys.delete(key);
    if (!kept) return;
    this.keys.add(key);
    while (this.keys.size > MAX_KEPT_MODULES)
      this.keys.delete(this.keys.values().next().value as string);
  }
  /** Latest cumulative CPU figure the host reported, and a callback for each increase. */
  private cpuSeen = 0;
  onCpu: ((deltaMs: number) => void) | undefined;

  constructor(launch: HostLaunch) {
    this.flavour = launch.flavour;
    this.lane = launch.lane ?? launch.flavour;
    const cmd = hostCommand(launch);
    const asRoot = typeof process.getuid === "function" && process.getuid() === 0;
    this.child = spawn(cmd.file, cmd.args, {
      env: cmd.env,
      stdio: ["pipe", "pipe", "pipe"],
      ...(asRoot ? { uid: launch.uid, gid: launch.gid } : {}),
      cwd: "/",
      // Own process group: kill() takes bubblewrap's helper processes down with it.
      detached: true,
    });
    this.child.stdout!.setEncoding("utf8");
    this.child.stdout!.on("data", (chunk: string) => this.onData(chunk, launch.maxLineBytes));
    this.child.stderr!.setEncoding("utf8");
    this.child.stderr!.on("data", (chunk: string) => {
      if (this.stderr.length < 8192) this.stderr += chunk.slice(0, 8192 - this.stderr.length);
    });
    this.child.stdin!.on("error", () => {
      // The host died before reading its job; `exited` reports it.
    });
    this.exited = new Promise((resolve) => {
      this.child.on("error", (e) => {
        this.stderr += `spawn error: ${e.message}`;
        this.close();
        resolve({ code: -1, signal: null });
      });
      this.child.on("exit", (code, signal) => {
        this.close();
        resolve({ code, signal });
      });
    });
    this.ready = this.nextReady();
  }

  /** Waits for the host's next "ready" line (its next warm isolate); kills the host on failure. */
  nextReady(): Promise<ReadyInfo> {
    const p = this.nextLine().then((line) => {
      if (line === undefined)
        throw new Error(`sandbox host exited before it was ready${this.stderrTail()}`);
      const msg = this.parse(line);
      if (msg.type !== "ready") throw new Error("sandbox host sent a result before it was ready");
      return msg;
    });
    p.catch(() => this.kill());
    return p;
  }

  get alive(): boolean {
    return !this.closed && this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  stderrTail(): string {
    const t = this.stderr.trim();
    return t ? `: ${t.slice(-600)}` : "";
  }

  /**
   * Splits stdout into lines in linear time: only the new chunk is searched for a newline, and a
   * long line's chunks are joined once, when its end arrives. (Searching and re-flattening the
   * whole buffer for every 64 KB chunk was quadratic: a 20 MB result line held the trusted event
   * loop for ~2 s, stalling every other grading and its heartbeats.)
   */
  private onData(chunk: string, max: number): void {
    if (this.overflow) return;
    let start = 0;
    let nl: number;
    while ((nl = chunk.indexOf("\n", start)) >= 0) {
      const tail = chunk.slice(start, nl);
      this.push(this.partial.length === 0 ? tail : this.partial.join("") + tail);
      this.partial = [];
      this.partialLength = 0;
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.partial.push(start === 0 ? chunk : chunk.slice(start));
      this.partialLength += chunk.length - start;
    }
    if (this.partialLength > max) {
      this.overflow = true;
      this.partial = [];
      this.partialLength = 0;
      this.kill();
    }
  }

  private push(line: string): void {
    const w = this.waiters.shift();
    if (w) w(line);
    else this.lines.push(line);
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiters.splice(0)) w(undefined);
  }

  private nextLine(): Promise<string | undefined> {
    const l = this.lines.shift();
    if (l !== undefined) return Promise.resolve(l);
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private parse(line: string) {
    if (!jsonDepthOk(line)) throw new Error("sandbox host sent a message nested too deeply");
    const msg = HostMessageSchema.parse(JSON.parse(line));
    if (msg.procCpuMs !== undefined && msg.procCpuMs > this.cpuSeen) {
      this.onCpu?.(msg.procCpuMs - this.cpuSeen);
      this.cpuSeen = msg.procCpuMs;
    }
    return msg;
  }

  /** Send the job and wait for the result, at most `hardLimitMs` (then the process is killed). */
  async run(job: JobMessage, hardLimitMs: number): Promise<HostResult> {
    if (this.retired) throw new Error("this sandbox host is retired");
    this.jobs++;
    const started = performance.now();
    let killedForTime = false;
    let clean = false;
    const timer = setTimeout(() => {
      killedForTime = true;
      this.kill();
    }, hardLimitMs);
    try {
      this.child.stdin!.write(JSON.stringify(job) + "\n");
      const line = await this.nextLine();
      const wallMs = performance.now() - started;
      if (line === undefined) {
        if (killedForTime)
          return {
            outcome: "timeout",
            detail: `time limit of ${job.wallMs} ms exceeded (sandbox killed)`,
            cpuMs: 0,
            wallMs,
            retiring: true,
          };
        if (this.overflow)
          return {
            outcome: "crashed",
            detail: "the sandbox produced more output than allowed",
            cpuMs: 0,
            wallMs,
            retiring: true,
          };
        const exit = await this.exited;
        return {
          outcome: "crashed",
          detail: `the sandbox stopped unexpectedly (${exit.signal ?? `exit code ${exit.code}`})`,
          cpuMs: 0,
          wallMs,
          retiring: true,
        };
      }
      let msg;
      try {
        msg = this.parse(line);
      } catch (e) {
        return {
          outcome: "crashed",
          detail: `the sandbox sent a malformed result (${e instanceof Error ? e.message.slice(0, 200) : "?"})`,
          cpuMs: 0,
          wallMs,
          retiring: true,
        };
      }
      if (msg.type !== "result")
        return {
          outcome: "crashed",
          detail: "the sandbox sent an unexpected message",
          cpuMs: 0,
          wallMs,
          retiring: true,
        };
      clean = msg.outcome === "ok" && msg.retiring !== true;
      return {
        outcome: msg.outcome,
        ...(msg.detail === undefined ? {} : { detail: msg.detail }),
        ...(msg.realm === undefined ? {} : { realm: msg.realm }),
        ...(msg.stoppedAt === undefined ? {} : { stoppedAt: msg.stoppedAt }),
        cpuMs: msg.cpuMs,
        wallMs: msg.wallMs,
        ...(msg.phases === undefined ? {} : { phases: msg.phases }),
        retiring: !clean,
      };
    } finally {
      clearTimeout(timer);
      if (!clean) this.retire();
    }
  }

  /** Take no more jobs: kill the process (it holds no state worth keeping). */
  retire(): void {
    this.retired = true;
    this.kill();
  }

  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      // The whole group: bwrap's intermediate processes would otherwise be left behind.
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
}
