/**
 * A pool of pre-warmed sandbox hosts (tfjs loaded in an isolate, no student code yet). Each host
 * serves exactly one submission and is thrown away; a replacement starts warming at once.
 */
import { execFileSync } from "node:child_process";
import { accessSync, constants, existsSync, writeFileSync, renameSync, chmodSync } from "node:fs";
import { ensureSandboxBundle, FLAVOURS, type Flavour, type SandboxBundle } from "./bundle.ts";
import { HostCgroups } from "./cgroup.ts";
import { HostProcess, type HostLaunch } from "./host-process.ts";
import {
  callToJson,
  MODULE_NOT_KEPT,
  realmResultFromJson,
  type JobMessage,
  type StopPoint,
} from "./protocol.ts";
import type { RealmResult, SandboxCall } from "./realm-types.ts";

export interface SandboxSettings {
  /** Warm "core" hosts (tfjs-core + cpu) kept ready for the default memory limit. */
  poolSize: number;
  /** Warm "full" hosts (the whole @tensorflow/tfjs union: layers, io, data); more start on demand. */
  fullPoolSize: number;
  /**
   * Author hosts: course code (tests, references, custom checks) runs here, in isolates kept per
   * exercise bundle between gradings; more start on demand when all are busy.
   */
  authorPoolSize: number;
  /** Course-code jobs one author host serves before it is replaced. */
  authorJobsPerHost: number;
  /** "auto": use bubblewrap when it works, else fall back (and say so); "on": required; "off": never. */
  bwrap: "auto" | "on" | "off";
  bwrapPath: string;
  memoryMb: number;
  wallMs: number;
  /** Extra time the trusted side waits beyond wallMs before killing a host. */
  killGraceMs: number;
  uid: number;
  gid: number;
  addressSpaceMb: number;
  maxOutputBytes: number;
  /**
   * Submissions one host process serves, each in its own fresh isolate, before it is replaced.
   * 1 = a new process per submission (strictest); more amortises node start-up. A host is
   * always replaced after a submission that timed out, ran out of memory or crashed.
   */
  jobsPerHost: number;
  /** Per-host cgroup (v1 memory + pids) when writable ("auto"), or never ("off"). */
  cgroups: "auto" | "off";
  /** How long a submission waits for a warm sandbox before the job is given back to the queue. */
  acquireTimeoutMs: number;
  cacheRoot?: string;
}

export const DEFAULT_SANDBOX_SETTINGS: SandboxSettings = {
  poolSize: 2,
  fullPoolSize: 1,
  authorPoolSize: 1,
  authorJobsPerHost: 2000,
  bwrap: "auto",
  bwrapPath: "/usr/bin/bwrap",
  memoryMb: 256,
  wallMs: 10_000,
  killGraceMs: 2_000,
  uid: 65534,
  gid: 65534,
  addressSpaceMb: 4096,
  maxOutputBytes: 64 * 1024 * 1024,
  jobsPerHost: 32,
  cgroups: "auto",
  acquireTimeoutMs: 60_000,
};

export interface SandboxJob {
  /** Which tfjs the isolate carries (default "full", what students import; "core" is cheaper). */
  flavour?: Flavour;
  code: string;
  calls: SandboxCall[];
  bans: string[];
  allow?: string[];
  wallMs?: number;
  memoryMb?: number;
  /**
   * Course code only: run on an author host and keep the isolate, module loaded, for later jobs
   * with the same key (the course bundle's hash). Never set for student code.
   */
  reuse?: string;
}

/** Which hosts a job runs on: student hosts of a tfjs flavour, or the author hosts. */
export type Lane = Flavour | "author";
const LANES: readonly Lane[] = [...FLAVOURS, "author"];

export interface SandboxRun {
  outcome: "ok" | "timeout" | "memory_limit" | "crashed";
  detail?: string;
  /** With "timeout" / "memory_limit": the results of the calls that completed before `stoppedAt`. */
  realm?: RealmResult;
  /** Where the host stopped the submission (timeout / memory_limit), recorded outside the isolate. */
  stoppedAt?: StopPoint;
  timings: { acquireMs: number; runMs: number; cpuMs: number; phases?: Record<string, number> };
}

export interface PoolStatus {
  ready: number;
  warming: number;
  busy: number;
  size: number;
  bwrap: boolean;
  bwrapNote: string;
  codeCache: boolean;
  cgroups: boolean;
  cgroupNote: string;
  lastError?: string;
}

/** The grader could not get a sandbox (infrastructure, not the submission): retry the job later. */
export class SandboxUnavailableError extends Error {
  override name = "SandboxUnavailableError";
}

type Log = (level: "info" | "warn" | "error", msg: string, extra?: Record<string, unknown>) => void;

function findPrlimit(): string | undefined {
  for (const p of ["/usr/bin/prlimit", "/bin/prlimit"]) if (existsSync(p)) return p;
  return undefined;
}

function laneFlavour(lane: Lane): Flavour {
  return lane === "author" ? "full" : lane;
}

export class SandboxPool {
  private bundle!: SandboxBundle;
  private readyHosts: Record<Lane, HostProcess[]> = { core: [], full: [], author: [] };
  private warming = new Set<HostProcess>();
  private busy = new Set<HostProcess>();
  private waiters: Record<Lane, ((h: HostProcess) => void)[]> = { core: [], full: [], author: [] };
  private closed = false;
  private useBwrap = false;
  private bwrapNote = "";
  private hasCache: Record<Flavour, boolean> = { core: false, full: false };
  private cacheWriting = new Set<Flavour>();
  private lastError: string | undefined;
  private consecutiveFailures = 0;
  private prlimit = findPrlimit();
  /** CPU ms sandbox hosts reported using (start-up, warming and jobs), for the benchmark. */
  hostCpuMs = 0;
  private cgroups: HostCgroups | undefined;
  private cgroupNote = "disabled by configuration";
  readonly settings: SandboxSettings;

  private constructor(
    settings: SandboxSettings,
    private log: Log,
  ) {
    this.settings = settings;
  }

  /** Builds (or finds) the bundle, decides on bubblewrap, and starts warming `poolSize` hosts. */
  static async start(
    settings: Partial<SandboxSettings> = {},
    log: Log = () => {},
  ): Promise<SandboxPool> {
    const pool = new SandboxPool({ ...DEFAULT_SANDBOX_SETTINGS, ...settings }, log);
    pool.bundle = await ensureSandboxBundle(
      pool.settings.cacheRoot ? { cacheRoot: pool.settings.cacheRoot } : {},
    );
    for (const f of FLAVOURS) pool.hasCache[f] = existsSync(pool.bundle.realm[f].cachePath);
    pool.decideBwrap();
    if (pool.settings.cgroups === "auto") {
      const found = HostCgroups.detect();
      pool.cgroups = found.cgroups;
      pool.cgroupNote = found.note;
    }
    for (let i = 0; i < pool.settings.poolSize; i++) pool.spawnWarm("core");
    for (let i = 0; i < pool.settings.fullPoolSize; i++) pool.spawnWarm("full");
    for (let i = 0; i < pool.settings.authorPoolSize; i++) pool.spawnWarm("author");
    return pool;
  }

  private decideBwrap(): void {
    const s = this.settings;
    if (s.bwrap === "off") {
      this.useBwrap = false;
      this.bwrapNote = "disabled by configuration";
    } else {
      let problem: string | undefined;
      try {
        accessSync(s.bwrapPath, constants.X_OK);
        // Probe: can we create the namespaces as the sandbox user?
        const asRoot = process.getuid?.() === 0;
        execFileSync(
          s.bwrapPath,
          [
            "--unshare-all",
            "--die-with-parent",
            "--ro-bind",
            "/usr",
            "/usr",
            "--symlink",
            "usr/lib",
            "/lib",
            "--symlink",
            "usr/lib64",
            "/lib64",
            "--symlink",
            "usr/bin",
            "/bin",
            "--",
            "/usr/bin/true",
          ],
          {
            stdio: "ignore",
            timeout: 5000,
            ...(asRoot ? { uid: s.uid, gid: s.gid } : {}),
          },
        );
      } catch (e) {
        problem = e instanceof Error ? e.message.split("\n")[0] : String(e);
      }
      if (problem === undefined) {
        this.useBwrap = true;
        this.bwrapNote = `bubblewrap at ${s.bwrapPath}`;
      } else if (s.bwrap === "on") {
        throw new Error(`GRADER_SANDBOX_BWRAP=on but bubblewrap cannot be used: ${problem}`);
      } else {
        this.useBwrap = false;
        this.bwrapNote = `bubblewrap unavailable (${problem}); hosts run without namespaces (isolate + rlimits + unprivileged user only)`;
        this.log(
          "warn",
          "sandbox: bubblewrap unavailable, falling back to isolate-only sandboxing",
          { reason: problem },
        );
      }
    }
  }

  /** How hosts are started (exposed for diagnostics and the box probe test). */
  launch(
    memoryMb: number = this.settings.memoryMb,
    maxJobs: number = this.settings.jobsPerHost,
    lane: Lane = "full",
  ): HostLaunch {
    const s = this.settings;
    const flavour = laneFlavour(lane);
    return {
      bundle: this.bundle,
      flavour,
      lane,
      memoryMb,
      bwrap: this.useBwrap,
      bwrapPath: s.bwrapPath,
      prlimitPath: this.prlimit,
      uid: s.uid,
      gid: s.gid,
      addressSpaceBytes: Math.max(s.addressSpaceMb, 1024) * 1024 * 1024,
      cpuSeconds: Math.ceil((s.wallMs * 3) / 1000) + 10,
      maxLineBytes: s.maxOutputBytes,
      useCache: this.hasCache[flavour],
      maxJobs,
      nproc: 64 * (s.poolSize + s.fullPoolSize + s.authorPoolSize + 4),
    };
  }

  private spawnHost(lane: Lane, memoryMb: number, maxJobs?: number): HostProcess {
    const flavour = laneFlavour(lane);
    const host = new HostProcess(
      this.launch(
        memoryMb,
        maxJobs ??
          (lane === "author" ? this.settings.authorJobsPerHost : this.settings.jobsPerHost),
        lane,
      ),
    );
    host.onCpu = (ms) => (this.hostCpuMs += ms);
    const pid = host.pid;
    if (this.cgroups && pid !== undefined) {
      // Node's own heap, isolated-vm and tfjs's code sit outside the isolate's limit: allow for them.
      if (this.cgroups.attach(pid, (memoryMb + 768) * 1024 * 1024, 256)) {
        void host.exited.then(() => setTimeout(() => this.cgroups?.release(pid), 50).unref());
      }
    }
    host.ready.then(
      (info) => {
        this.consecutiveFailures = 0;
        if (info.cache && !this.hasCache[flavour] && !this.cacheWriting.has(flavour))
          this.storeCache(flavour, info.cache);
        if (info.cacheRejected) {
          this.log("warn", "sandbox: code cache rejected; a new one will be produced");
          this.hasCache[flavour] = false;
        }
      },
      (e: unknown) => {
        if (this.closed) return;
        this.consecutiveFailures++;
        this.lastError = e instanceof Error ? e.message : String(e);
        this.log("error", "sandbox: host failed to start", { error: this.lastError });
      },
    );
    return host;
  }

  private storeCache(flavour: Flavour, b64: string): void {
    this.cacheWriting.add(flavour);
    const cachePath = this.bundle.realm[flavour].cachePath;
    try {
      const tmp = `${cachePath}.${process.pid}.tmp`;
      writeFileSync(tmp, Buffer.from(b64, "base64"));
      chmodSync(tmp, 0o644);
      renameSync(tmp, cachePath);
      this.hasCache[flavour] = true;
    } catch (e) {
      this.log("warn", "sandbox: could not store the code cache", { error: String(e) });
    } finally {
      this.cacheWriting.delete(flavour);
    }
  }

  private spawnWarm(lane: Lane): void {
    if (this.closed) return;
    const host = this.spawnHost(lane, this.settings.memoryMb);
    this.warming.add(host);
    host.ready.then(
      () => {
        this.warming.delete(host);
        this.offer(host);
      },
      () => {
        this.warming.delete(host);
        // Back off when hosts keep failing to start (misconfiguration), but keep trying.
        const delay = Math.min(5000, 100 * 2 ** Math.min(this.consecutiveFailures, 6));
        setTimeout(() => this.spawnWarm(lane), delay).unref();
      },
    );
    // An idle warm host that dies (killed from outside) is replaced.
    void host.exited.then(() => {
      const list = this.readyHosts[lane];
      const i = list.indexOf(host);
      if (i >= 0) {
        list.splice(i, 1);
        this.spawnWarm(lane);
      }
    });
  }

  /** A host with a warm isolate: hand it to a waiting job or keep it ready. */
  private offer(host: HostProcess): void {
    if (this.closed) return host.kill();
    const w = this.waiters[host.lane].shift();
    if (w) w(host);
    else this.readyHosts[host.lane].push(host);
  }

  /** After a clean job the host warms a fresh isolate; then it is ready again. */
  private recycle(host: HostProcess): void {
    if (this.closed || host.retired || !host.alive) {
      host.kill();
      this.spawnWarm(host.lane);
      return;
    }
    this.warming.add(host);
    host.nextReady().then(
      () => {
        this.warming.delete(host);
        this.offer(host);
      },
      () => {
        this.warming.delete(host);
        this.spawnWarm(host.lane);
      },
    );
  }

  private acquireDefault(flavour: Lane, timeoutMs: number, key?: string): Promise<HostProcess> {
    const ready = this.readyHosts[flavour];
    // An author host that already holds this bundle's isolate answers without loading it again.
    const preferred = key === undefined ? -1 : ready.findIndex((h) => h.keys.has(key));
    const h = preferred >= 0 ? ready.splice(preferred, 1)[0] : ready.shift();
    if (h) return Promise.resolve(h);
    return new Promise((resolve, reject) => {
      const waiter = (host: HostProcess) => {
        clearTimeout(timer);
        resolve(host);
      };
      const timer = setTimeout(() => {
        const i = this.waiters[flavour].indexOf(waiter);
        if (i >= 0) this.waiters[flavour].splice(i, 1);
        reject(
          new SandboxUnavailableError(
            `no sandbox became available within ${timeoutMs} ms${this.lastError ? ` (last error: ${this.lastError})` : ""}`,
          ),
        );
      }, timeoutMs);
      this.waiters[flavour].push(waiter);
    });
  }

  /** Runs one submission in a fresh sandbox. Never throws for anything the submission does. */
  async run(job: SandboxJob): Promise<SandboxRun> {
    const first = await this.runOnce(job, true);
    if (
      !first.omitted ||
      first.run.realm?.load.ok !== false ||
      first.run.realm.load.error.name !== MODULE_NOT_KEPT
    )
      return first.run;
    // The host no longer kept the course module: send it again, with its code.
    return (await this.runOnce(job, false)).run;
  }

  private async runOnce(
    job: SandboxJob,
    mayOmitCode: boolean,
  ): Promise<{ run: SandboxRun; omitted: boolean }> {
    if (this.closed) throw new Error("sandbox pool is closed");
    const t0 = performance.now();
    const memoryMb = job.memoryMb ?? this.settings.memoryMb;
    let host: HostProcess;
    const flavour: Lane = job.reuse !== undefined ? "author" : (job.flavour ?? "full");
    const pooled = memoryMb === this.settings.memoryMb;
    if (pooled) {
      // Full hosts beyond the warm ones start on demand (a burst of layer exercises).
      if (
        this.readyHosts[flavour].length === 0 &&
        this.waiters[flavour].length >= this.warmingCount(flavour)
      )
        this.spawnWarm(flavour);
      host = await this.acquireDefault(flavour, this.settings.acquireTimeoutMs, job.reuse);
      // A warm host that died while idle (killed from outside) is not the submission's fault.
      while (!host.alive) {
        this.spawnWarm(flavour);
        host = await this.acquireDefault(
          flavour,
          Math.max(1, this.settings.acquireTimeoutMs - (performance.now() - t0)),
        );
      }
    } else {
      host = this.spawnHost(flavour, memoryMb, 1);
      try {
        await host.ready;
      } catch (e) {
        throw new SandboxUnavailableError(
          `sandbox failed to start: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
    const acquireMs = performance.now() - t0;
    this.busy.add(host);
    const wallMs = job.wallMs ?? this.settings.wallMs;
    const omitted = mayOmitCode && job.reuse !== undefined && host.keys.has(job.reuse);
    const msg: JobMessage = {
      type: "job",
      code: omitted ? "" : job.code,
      calls: job.calls.map(callToJson),
      bans: job.bans,
      allow: job.allow ?? [],
      wallMs,
      cpuMs: wallMs,
      ...(job.reuse === undefined ? {} : { reuse: job.reuse }),
      ...(omitted ? { codeOmitted: true as const } : {}),
    };
    try {
      const r = await host.run(msg, wallMs + this.settings.killGraceMs);
      if (job.reuse !== undefined)
        host.remember(job.reuse, r.outcome === "ok" && r.realm?.load.ok === true);
      if (r.outcome === "setup_failed") {
        host.kill();
        throw new SandboxUnavailableError(r.detail ?? "sandbox setup failed");
      }
      let realm: RealmResult | undefined;
      try {
        realm = r.realm ? realmResultFromJson(r.realm) : undefined;
      } catch (e) {
        return {
          run: {
            outcome: "crashed",
            detail: `the sandbox sent undecodable data (${String(e).slice(0, 200)})`,
            timings: { acquireMs, runMs: r.wallMs, cpuMs: r.cpuMs },
          },
          omitted,
        };
      }
      if (r.outcome === "ok" && realm === undefined) {
        return {
          run: {
            outcome: "crashed",
            detail: "the sandbox sent no result",
            timings: { acquireMs, runMs: r.wallMs, cpuMs: r.cpuMs },
          },
          omitted,
        };
      }
      // A stop point belongs to a limit; with any other outcome it means nothing.
      const limited = r.outcome === "timeout" || r.outcome === "memory_limit";
      return {
        run: {
          outcome: r.outcome,
          ...(r.detail === undefined ? {} : { detail: r.detail }),
          ...(realm === undefined ? {} : { realm }),
          ...(limited && r.stoppedAt !== undefined ? { stoppedAt: r.stoppedAt } : {}),
          timings: {
            acquireMs,
            runMs: r.wallMs,
            cpuMs: r.cpuMs,
            ...(r.phases ? { phases: r.phases } : {}),
          },
        },
        omitted,
      };
    } finally {
      this.busy.delete(host);
      if (pooled) this.recycle(host);
      else host.kill();
    }
  }

  /** Process ids of hosts running a submission right now (diagnostics and tests). */
  busyPids(): number[] {
    return [...this.busy].map((h) => h.pid).filter((p): p is number => p !== undefined);
  }

  private warmingCount(lane: Lane): number {
    let n = 0;
    for (const h of this.warming) if (h.lane === lane) n++;
    return n;
  }

  status(): PoolStatus {
    return {
      ready:
        this.readyHosts.core.length + this.readyHosts.full.length + this.readyHosts.author.length,
      warming: this.warming.size,
      busy: this.busy.size,
      size: this.settings.poolSize + this.settings.fullPoolSize + this.settings.authorPoolSize,
      bwrap: this.useBwrap,
      bwrapNote: this.bwrapNote,
      codeCache: this.hasCache.core && this.hasCache.full,
      cgroups: this.cgroups !== undefined,
      cgroupNote: this.cgroupNote,
      ...(this.lastError === undefined ? {} : { lastError: this.lastError }),
    };
  }

  /** Resolves once at least one host is warm (or rejects after `timeoutMs`). */
  async waitReady(timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (this.readyHosts.core.length + this.readyHosts.full.length === 0) {
      if (Date.now() > until)
        throw new Error(
          `no sandbox became ready within ${timeoutMs} ms${this.lastError ? `: ${this.lastError}` : ""}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Stops warming, kills idle hosts, and waits for busy ones to finish (they are single-use). */
  async close(): Promise<void> {
    this.closed = true;
    const idle = [...LANES.flatMap((l) => this.readyHosts[l]), ...this.warming];
    this.readyHosts = { core: [], full: [], author: [] };
    for (const h of idle) h.kill();
    await Promise.all([...idle, ...this.busy].map((h) => h.exited));
    if (this.cgroups) {
      // Let the kernel empty the hosts' groups, then remove ours.
      await new Promise((r) => setTimeout(r, 150));
      for (const h of [...idle, ...this.busy]) if (h.pid !== undefined) this.cgroups.release(h.pid);
      this.cgroups.dispose();
    }
  }
}
