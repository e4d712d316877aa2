/**
 * Hostile submissions against the real sandbox (isolated-vm isolate in a sandbox-host process
 * under bubblewrap). Code here is raw ESM JavaScript, i.e. what reaches the sandbox if the
 * compile step's import policy were bypassed: each layer must hold on its own.
 */
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServices } from "@course/db/testing";
import { SandboxPool, type SandboxRun } from "./pool.ts";
import type { SandboxCall, Wire } from "./realm-types.ts";

let pool: SandboxPool;

/** Under CI a missing isolation layer fails the test that needs it, as a missing database does. */
function layerMissing(layer: string, note: string): void {
  if (testServices().requireServices) throw new Error(`CI runs need the ${layer} layer, but: ${note}`);
}

beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 2, wallMs: 3000, killGraceMs: 2000, memoryMb: 128 });
  await pool.waitReady();
});

afterAll(async () => {
  await pool?.close();
});

const t = (data: number[], shape: number[]): Wire => ({ t: "tensor", dtype: "float32", shape, data: new Float32Array(data) });
const call = (exp: string, ...args: Wire[]): SandboxCall => ({ id: exp, kind: "export", export: exp, args });

function run(code: string, calls: SandboxCall[] = [call("f")], extra: { wallMs?: number; bans?: string[] } = {}): Promise<SandboxRun> {
  return pool.run({ code, calls, bans: extra.bans ?? [], ...(extra.wallMs ? { wallMs: extra.wallMs } : {}) });
}

function value(r: SandboxRun, i = 0): Wire | undefined {
  const res = r.realm?.results[i];
  return res?.ok ? res.value : undefined;
}

function error(r: SandboxRun, i = 0): string {
  const res = r.realm?.results[i];
  return res && !res.ok ? `${res.error.name}: ${res.error.message}` : "";
}

describe("sandbox basics", () => {
  it("runs tfjs inside the isolate and returns plain tensors", async () => {
    const r = await run(`import * as tf from "@tensorflow/tfjs"; export function f(x) { return tf.mul(x, 2); }`, [call("f", t([1, 2, 3], [3]))]);
    expect(r.outcome).toBe("ok");
    const v = value(r);
    expect(v?.t).toBe("tensor");
    expect(v?.t === "tensor" ? [...v.data] : []).toEqual([2, 4, 6]);
  });

  it("puts each host in its own cgroup when cgroups are writable", async () => {
    const status = pool.status();
    if (!status.cgroups) {
      layerMissing("cgroup", status.cgroupNote);
      expect(status.cgroupNote).toMatch(/not|disabled/);
      return;
    }
    const pending = run(`export function f() { const t = Date.now(); while (Date.now() - t < 400) {} return 1; }`);
    let pids: number[] = [];
    for (let i = 0; i < 100 && pids.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      pids = pool.busyPids();
    }
    const { readFileSync } = await import("node:fs");
    const groups = readFileSync(`/proc/${pids[0]}/cgroup`, "utf8");
    expect(groups).toMatch(new RegExp(`memory:.*host-${pids[0]}`));
    expect(groups).toMatch(new RegExp(`pids:.*host-${pids[0]}`));
    await pending;
  });

  it("reports whether bubblewrap is in use", () => {
    expect(typeof pool.status().bwrap).toBe("boolean");
    expect(pool.status().bwrapNote.length).toBeGreaterThan(0);
  });
});

describe("no host capabilities inside the isolate", () => {
  it("has no process, require, fetch, env or timers from the host", async () => {
    const r = await run(
      `export function f() { return [typeof process, typeof require, typeof fetch, typeof globalThis.Deno, typeof module, typeof XMLHttpRequest, typeof WebSocket, typeof setTimeout === "function" && String(setTimeout).includes("native") ? "native-timer" : "none"].join(","); }`,
    );
    expect(value(r)).toEqual({ t: "string", v: "undefined,undefined,undefined,undefined,undefined,undefined,undefined,none" });
  });

  it("file reads, env, network and spawn fail: static import of node modules is refused at link time", async () => {
    for (const mod of ["fs", "node:fs", "child_process", "net", "http", "os"]) {
      const r = await run(`import * as m from "${mod}"; export function f() { return 1; }`);
      expect(r.outcome).toBe("ok");
      expect(r.realm?.load.ok).toBe(false);
      expect(JSON.stringify(r.realm?.load)).toContain(`Importing \\"${mod}\\" is not allowed`);
    }
  });

  it("import() of anything fails", async () => {
    const r = await run(`export async function f() { try { await import("fs"); return "imported"; } catch (e) { return "blocked: " + e.message; } }`);
    const v = value(r);
    expect(v?.t === "string" ? v.v : error(r)).toMatch(/blocked|not allowed|import/i);
    expect(v?.t === "string" ? v.v : "").not.toBe("imported");
  });

  it("eval and Function work only inside the isolate and see no host objects", async () => {
    const r = await run(
      `export function f() { const g = Function("return this")(); return [eval("typeof require"), typeof g.process, typeof g.__courseRealm, Object.getOwnPropertyNames(g).filter(k => /ivm|host|realm/i.test(k)).join("|")].join(","); }`,
    );
    expect(value(r)).toEqual({ t: "string", v: "undefined,undefined,undefined," });
  });

  it("tf's fetch/io is refused by the platform shim", async () => {
    const r = await run(`import * as tf from "@tensorflow/tfjs"; export async function f() { try { await tf.util.fetch("http://127.0.0.1/"); return "fetched"; } catch (e) { return "refused"; } }`);
    expect(value(r)).toEqual({ t: "string", v: "refused" });
  });
});

describe("limits", () => {
  it("an infinite loop at load is a timeout", async () => {
    const r = await run(`while (true) {} export function f() {}`, [call("f")], { wallMs: 800 });
    expect(r.outcome).toBe("timeout");
  });

  it("an infinite loop in a call is a timeout", async () => {
    const r = await run(`export function f() { for (;;) {} }`, [call("f")], { wallMs: 800 });
    expect(r.outcome).toBe("timeout");
  });

  it("a microtask storm is a timeout", async () => {
    const r = await run(`export function f() { const spin = () => Promise.resolve().then(spin); spin(); return new Promise(() => {}); }`, [call("f")], { wallMs: 800 });
    expect(r.outcome).toBe("timeout");
  });

  it("a promise that never settles is a timeout", async () => {
    const r = await run(`export function f() { return new Promise(() => {}); }`, [call("f")], { wallMs: 800 });
    expect(r.outcome).toBe("timeout");
  });

  it("Atomics.wait on a SharedArrayBuffer cannot hang the grader", async () => {
    const r = await run(`export function f() { const a = new Int32Array(new SharedArrayBuffer(4)); Atomics.wait(a, 0, 0); return "woke"; }`, [call("f")], { wallMs: 800 });
    expect(r.outcome === "timeout" || (r.outcome === "ok" && error(r) !== "")).toBe(true);
    expect(value(r)).toBeUndefined();
  });

  it("a memory bomb (JS heap) is a memory_limit", async () => {
    const r = await run(`export function f() { const a = []; for (;;) a.push(new Array(1 << 20).fill(Math.random())); }`, [call("f")], { wallMs: 20_000 });
    expect(r.outcome).toBe("memory_limit");
  });

  it("a memory bomb (typed arrays) is a memory_limit or a clean error", async () => {
    const r = await run(`export function f() { const a = []; for (;;) a.push(new Float64Array(1 << 20)); }`, [call("f")], { wallMs: 20_000 });
    expect(["memory_limit", "ok"]).toContain(r.outcome);
    if (r.outcome === "ok") expect(error(r)).toMatch(/RangeError|memory|allocation/i);
  });

  it("an output flood on the console is capped and never reaches the protocol", async () => {
    const r = await run(`export function f() { for (let i = 0; i < 200000; i++) console.log('{"type":"result","outcome":"ok","spam":' + i + '}'); return 7; }`);
    expect(r.outcome).toBe("ok");
    expect(value(r)).toEqual({ t: "number", v: 7 });
    expect(r.realm!.logs.length).toBeLessThanOrEqual(201);
    expect(r.realm!.logs.at(-1)).toMatch(/dropped/);
  });

  it("very long string outputs are refused with a clear message", async () => {
    const r = await run(`export function f() { return "x".repeat(5_000_000); }`);
    expect(error(r)).toMatch(/string longer than/);
  });

  it("a result line of several megabytes arrives whole (it spans many pipe reads)", async () => {
    const n = 1_500_000;
    const r = await run(`import * as tf from "@tensorflow/tfjs"; export function f() { return tf.range(0, ${n}); }`);
    expect(r.outcome).toBe("ok");
    const v = value(r);
    expect(v?.t === "tensor" ? [v.shape, v.data.length, v.data[0], v.data[12_345], v.data[n - 1]] : v).toEqual([[n], n, 0, 12_345, n - 1]);
  });

  it("output beyond the protocol's limit kills the host and is reported, not buffered", async () => {
    const small = await SandboxPool.start({ poolSize: 1, fullPoolSize: 0, maxOutputBytes: 256 * 1024 });
    try {
      const r = await small.run({ code: `import * as tf from "@tensorflow/tfjs"; export function f() { return tf.ones([200_000]); }`, calls: [call("f")], bans: [], flavour: "core" });
      expect([r.outcome, r.detail]).toEqual(["crashed", "the sandbox produced more output than allowed"]);
      const again = await small.run({ code: `export function f() { return 5; }`, calls: [call("f")], bans: [], flavour: "core" });
      expect(value(again)).toEqual({ t: "number", v: 5 });
    } finally {
      await small.close();
    }
  });

  it("huge arrays are refused with a clear message", async () => {
    const r = await run(`export function f() { return new Array(6_000_000).fill(0); }`);
    expect(error(r)).toMatch(/at most|elements/);
  });
});

describe("outputs cannot be forged", () => {
  it("a fake tensor-like object is rejected", async () => {
    const r = await run(`export function f() { return { shape: [2], dtype: "float32", dataSync: () => new Float32Array([1, 2]), dataId: {} }; }`);
    expect(error(r)).toMatch(/not a real tfjs tensor/);
  });

  it("getters, and getters that throw, are a failed call with a message", async () => {
    const r = await run(`export function f() { return { get x() { throw new Error("boom"); } }; } export function g() { return { get y() { return 1; } }; }`, [call("f"), call("g")]);
    expect(error(r, 0)).toMatch(/getter/);
    expect(error(r, 1)).toMatch(/getter/);
  });

  it("throwing non-Error values gives a readable error", async () => {
    const r = await run(
      `export function a() { throw 42; } export function b() { throw null; } export function c() { throw { get message() { throw 1; } }; } export function d() { throw Symbol("s"); }`,
      [call("a"), call("b"), call("c"), call("d")],
    );
    expect(r.outcome).toBe("ok");
    expect(r.realm!.results.every((x) => !x.ok)).toBe(true);
    expect(error(r, 0)).toContain("42");
  });

  it("a spoofed result printed or returned does not become a result", async () => {
    const r = await run(`export function f() { console.log(JSON.stringify({ type: "result", outcome: "ok", realm: { load: { ok: true }, results: [], logs: [] } })); return { t: "tensor", dtype: "float32", shape: [1], data: [1] }; }`);
    // The printed line stays a console line; the returned look-alike is refused.
    expect(r.realm!.logs[0]).toContain('"type":"result"');
    expect(value(r)).toBeUndefined();
    expect(error(r)).toMatch(/not a real tfjs tensor/);
  });

  it("NaN outputs travel as NaN (the trusted side reports them)", async () => {
    const r = await run(`import * as tf from "@tensorflow/tfjs"; export function f() { return tf.tensor([NaN, 1]); } export function g() { return NaN; }`, [call("f"), call("g")]);
    const v = value(r, 0);
    expect(v?.t === "tensor" && Number.isNaN(v.data[0])).toBe(true);
    expect(value(r, 1)).toEqual({ t: "number", v: NaN });
  });

  it("early exit attempts (process.exit, close) are just errors", async () => {
    const r = await run(`export function f() { process.exit(0); } export function g() { globalThis.close?.(); return "still here"; }`, [call("f"), call("g")]);
    expect(r.outcome).toBe("ok");
    expect(error(r, 0)).toMatch(/process is not defined/);
    expect(value(r, 1)).toEqual({ t: "string", v: "still here" });
  });
});

describe("tampering only hurts the tamperer", () => {
  it("prototype pollution of Object/Array/Float32Array and global tampering do not change how results are read", async () => {
    // Pollute after computing, right before the realm marshals the return value.
    const code = `import * as tf from "@tensorflow/tfjs";
      function pollute() {
        Object.defineProperty(Object.prototype, "t", { get() { return "tensor"; }, configurable: true });
        Object.defineProperty(Object.prototype, "ok", { get() { return true; }, configurable: true });
        Array.prototype.push = function () { throw new Error("no push"); };
        Array.prototype[Symbol.iterator] = function* () { yield 999; };
        Float32Array.prototype.set = function () { throw new Error("no set"); };
        Object.defineProperty(Float32Array.prototype, "length", { get() { return 1; } });
        JSON.stringify = () => '{"forged":true}';
        Object.keys = () => [];
        Reflect.ownKeys = () => [];
        Reflect.apply = () => 1;
        Object.getOwnPropertyDescriptor = () => ({ value: 1 });
        Object.freeze = (o) => o;
      }
      export function f(x) { const y = tf.add(x, 1); pollute(); return y; }`;
    const r = await run(code, [call("f", t([1, 2, 3], [3]))]);
    expect(r.outcome).toBe("ok");
    const v = value(r);
    expect(v?.t).toBe("tensor");
    expect(v?.t === "tensor" ? [...v.data] : []).toEqual([2, 3, 4]);
  });

  it("polluting typed arrays can break the tamperer's own call, never forge a value", async () => {
    const code = `import * as tf from "@tensorflow/tfjs";
      Object.defineProperty(Float32Array.prototype, "length", { get() { return 1; } });
      export function f(x) { return tf.add(x, 1); }`;
    const r = await run(code, [call("f", t([1, 2, 3], [3]))]);
    expect(r.outcome).toBe("ok");
    const v = value(r);
    if (v === undefined) expect(error(r)).not.toBe("");
    else expect(v.t === "tensor" ? [...v.data] : []).toEqual([2, 3, 4]);
  });

  it("overriding the tf functions the realm uses (dataSync, arraySync, tf.tensor) cannot forge outputs", async () => {
    const code = `import * as tf from "@tensorflow/tfjs";
      const T = tf.Tensor.prototype;
      T.dataSync = function () { return new Float32Array([42, 42, 42]); };
      T.arraySync = function () { return [42, 42, 42]; };
      T.data = async function () { return new Float32Array([42, 42, 42]); };
      export function f(x) { return tf.sub(x, x); }`;
    const r = await run(code, [call("f", t([1, 2, 3], [3]))]);
    const v = value(r);
    expect(v?.t === "tensor" ? [...v.data] : []).toEqual([0, 0, 0]);
  });

  it("the tf object is frozen and banned functions throw, also as tensor methods", async () => {
    const code = `import * as tf from "@tensorflow/tfjs";
      export function a() { try { tf.softmax = (x) => x; return "assigned"; } catch (e) { return e.constructor.name; } }
      export function b(x) { return tf.softmax(x); }
      export function c(x) { return x.softmax(); }`;
    const x = t([1, 2], [1, 2]);
    const r = await run(code, [call("a"), call("b", x), call("c", x)], { bans: ["softmax"] });
    expect(value(r, 0)).toEqual({ t: "string", v: "TypeError" });
    expect(error(r, 1)).toMatch(/tf\.softmax is not available/);
    expect(error(r, 2)).toMatch(/tf\.softmax is not available/);
  });

  it("tfjs's engine and kernel registry are not on globalThis, and tf.engine() does not lead to them", async () => {
    const code = `import * as tf from "@tensorflow/tfjs";
      export function a() { return [typeof globalThis._tfengine, typeof globalThis._tfGlobals, typeof globalThis.window, typeof globalThis.self]; }
      export function b(x) { return Object.getPrototypeOf(tf.engine()) === null ? tf.engine().runKernel("Softmax", { logits: x }, { dim: -1 }) : "inherits"; }
      export function c(x) { const k = tf.getKernelsForBackend("cpu").find((k) => k.kernelName === "Softmax"); return k ? "found" : "hidden"; }`;
    const x = t([1, 2], [1, 2]);
    const r = await run(code, [call("a"), call("b", x), call("c", x)], { bans: ["softmax"] });
    const names = value(r, 0);
    expect(names?.t === "array" ? names.items : []).toEqual(Array(4).fill({ t: "string", v: "undefined" }));
    expect(error(r, 1)).toMatch(/tf\.softmax is not available/);
    expect(value(r, 2)).toEqual({ t: "string", v: "hidden" });
  });

  it("a submission cannot see another submission's state (a fresh isolate each time)", async () => {
    const writer = await run(`globalThis.leak = "secret-from-A"; Object.prototype.leak2 = "polluted"; export function f() { return 1; }`);
    expect(writer.outcome).toBe("ok");
    const reader = await run(`export function f() { return String(globalThis.leak) + "," + String(({}).leak2); }`);
    expect(value(reader)).toEqual({ t: "string", v: "undefined,undefined" });
  });

  it("a host process killed mid-submission gives a clear crashed outcome and is replaced", async () => {
    const pending = run(`export function f() { for (;;) {} }`, [call("f")], { wallMs: 20_000 });
    let pids: number[] = [];
    for (let i = 0; i < 200 && pids.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      pids = pool.busyPids();
    }
    expect(pids.length).toBe(1);
    process.kill(pids[0]!, "SIGKILL");
    const r = await pending;
    expect(r.outcome).toBe("crashed");
    expect(r.detail).toMatch(/stopped unexpectedly/);
    const after = await run(`export function f() { return 5; }`);
    expect(value(after)).toEqual({ t: "number", v: 5 });
  });

  it("after the hostile runs above the pool still serves fresh hosts", async () => {
    const before = pool.status();
    const r = await run(`export function f() { return 1; }`);
    expect(r.outcome).toBe("ok");
    // Two "core" hosts, one "full" and one author host (course code).
    expect(before.size).toBe(4);
    await pool.waitReady();
    expect(pool.status().ready + pool.status().warming).toBeGreaterThan(0);
  });
});

describe("the box around the isolate (bubblewrap layer)", () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((s) => s.end("hello"));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("even code running in the host process itself sees no files, env, network or shell", async () => {
    const { probeHostBox } = await import("./probe.ts");
    const status = pool.status();
    if (!status.bwrap) {
      // Without bubblewrap this layer does not exist; /health says so (tested in the service tests).
      layerMissing("bubblewrap", status.bwrapNote);
      expect(status.bwrapNote).toMatch(/unavailable|disabled/);
      return;
    }
    const report = await probeHostBox(pool, port);
    expect(report.uid).toBe(65534);
    expect(report.env.filter((k) => k !== "PWD")).toEqual([]);
    expect(report.passwd).toMatch(/ENOENT/);
    expect(report.workdir).toMatch(/ENOENT/);
    expect(report.write).toMatch(/EROFS|EACCES|ENOENT/);
    expect(report.spawn).toMatch(/ENOENT|EACCES/);
    expect(report.net).toMatch(/ENETUNREACH|ECONNREFUSED|EADDRNOTAVAIL|EPERM/);
    expect(report.net).not.toBe("connected");
  });
});

describe("strict mode and fallback", () => {
  it("one process per submission (jobsPerHost = 1) and no bubblewrap still grade, and say so", async () => {
    const strict = await SandboxPool.start({ poolSize: 1, jobsPerHost: 1, bwrap: "off" });
    try {
      expect(strict.status().bwrap).toBe(false);
      expect(strict.status().bwrapNote).toMatch(/disabled/);
      for (let i = 0; i < 2; i++) {
        const r = await strict.run({ code: `export function f() { return typeof process; }`, calls: [call("f")], bans: [] });
        expect(value(r)).toEqual({ t: "string", v: "undefined" });
      }
    } finally {
      await strict.close();
    }
  });

  it("a missing bubblewrap binary falls back cleanly in auto mode and is refused in required mode", async () => {
    const auto = await SandboxPool.start({ poolSize: 1, bwrap: "auto", bwrapPath: "/nonexistent/bwrap" });
    try {
      expect(auto.status().bwrap).toBe(false);
      expect(auto.status().bwrapNote).toMatch(/unavailable/);
      const r = await auto.run({ code: `export function f() { return 3; }`, calls: [call("f")], bans: [] });
      expect(value(r)).toEqual({ t: "number", v: 3 });
    } finally {
      await auto.close();
    }
    await expect(SandboxPool.start({ poolSize: 1, bwrap: "on", bwrapPath: "/nonexistent/bwrap" })).rejects.toThrow(/bubblewrap cannot be used/);
  });
});
