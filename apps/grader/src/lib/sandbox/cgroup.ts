/**
 * Optional outer layer: a cgroup (v1 memory + pids controllers) per sandbox host, so even code
 * that escaped the isolate cannot use more than a bounded amount of memory or processes. Used
 * when the controllers are writable (the grader runs as root here); otherwise the pool says so.
 *
 * The host is attached right after spawn; its sandbox processes are forked later by bubblewrap
 * and inherit the cgroup.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Removes (empty) groups left by grader processes that died without cleaning up. */
function sweepDeadGraders(parent: string): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(parent).filter((d) => /^course-grader-\d+$/.test(d));
  } catch {
    return;
  }
  for (const d of entries) {
    const pid = Number(d.slice("course-grader-".length));
    if (existsSync(`/proc/${pid}`)) continue;
    const dir = join(parent, d);
    try {
      for (const child of readdirSync(dir).filter((c) => c.startsWith("host-"))) rmdirSync(join(dir, child));
      rmdirSync(dir);
    } catch {
      // Still has live processes: leave it.
    }
  }
}

const ROOT = "/sys/fs/cgroup";

function ownPath(controller: string): string | undefined {
  try {
    for (const line of readFileSync("/proc/self/cgroup", "utf8").split("\n")) {
      const [, controllers, path] = line.split(":");
      if (controllers?.split(",").includes(controller)) return path;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export class HostCgroups {
  private constructor(
    private memoryBase: string,
    private pidsBase: string,
  ) {}

  /** Finds writable v1 memory and pids controllers below the grader's own cgroups. */
  static detect(tag = `course-grader-${process.pid}`): { cgroups?: HostCgroups; note: string } {
    const mem = ownPath("memory");
    const pids = ownPath("pids");
    if (mem === undefined || pids === undefined) return { note: "cgroup v1 memory/pids controllers not found" };
    const memoryBase = join(ROOT, "memory", mem, tag);
    const pidsBase = join(ROOT, "pids", pids, tag);
    for (const parent of [dirname(memoryBase), dirname(pidsBase)]) sweepDeadGraders(parent);
    try {
      mkdirSync(memoryBase, { recursive: true });
      mkdirSync(pidsBase, { recursive: true });
      return { cgroups: new HostCgroups(memoryBase, pidsBase), note: "cgroup v1 memory + pids limits per host" };
    } catch (e) {
      return { note: `cgroups not writable (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
    }
  }

  /** Puts `pid` in its own memory and pids cgroups with these limits. Best effort: false on failure. */
  attach(pid: number, memoryBytes: number, maxPids: number): boolean {
    try {
      const m = join(this.memoryBase, `host-${pid}`);
      const p = join(this.pidsBase, `host-${pid}`);
      mkdirSync(m);
      mkdirSync(p);
      writeFileSync(join(m, "memory.limit_in_bytes"), String(memoryBytes));
      writeFileSync(join(p, "pids.max"), String(maxPids));
      writeFileSync(join(m, "cgroup.procs"), String(pid));
      writeFileSync(join(p, "cgroup.procs"), String(pid));
      return true;
    } catch {
      return false;
    }
  }

  /** Removes the host's cgroups once its processes are gone. */
  release(pid: number): void {
    for (const base of [this.memoryBase, this.pidsBase]) {
      const dir = join(base, `host-${pid}`);
      // The kernel empties the group a moment after the last process exits.
      for (let i = 0; i < 3 && existsSync(dir); i++) {
        try {
          rmdirSync(dir);
        } catch {
          // Still busy: try again below.
        }
      }
    }
  }

  /** Removes the grader's parent groups (after all hosts are gone). */
  dispose(): void {
    for (const dir of [this.memoryBase, this.pidsBase]) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty yet or already gone.
      }
    }
  }
}
