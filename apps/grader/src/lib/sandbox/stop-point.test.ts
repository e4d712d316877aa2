/**
 * When the sandbox stops a submission at its time or memory limit, the host says where (module
 * loading, or which planned call) and hands back the results of the calls that had completed.
 * It learns both from its own loop, one call per round trip into the isolate: a hostile
 * submission cannot move the stop point or add results, whatever it prints, writes or returns.
 * Code here is raw ESM JavaScript, as it reaches the sandbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxPool, type SandboxRun } from "./pool.ts";
import type { SandboxCall, Wire } from "./realm-types.ts";

let pool: SandboxPool;

beforeAll(async () => {
  pool = await SandboxPool.start({ poolSize: 1, fullPoolSize: 1, wallMs: 3000, killGraceMs: 2000, memoryMb: 128 });
  await pool.waitReady();
});

afterAll(async () => {
  await pool?.close();
});

const num = (v: number): Wire => ({ t: "number", v });
/** Four calls of f(1) … f(4), ids c1 … c4, as a plan would list them. */
const calls: SandboxCall[] = [1, 2, 3, 4].map((n) => ({ id: `c${n}`, kind: "export", export: "f", args: [num(n)] }));

function run(code: string, wallMs = 800): Promise<SandboxRun> {
  return pool.run({ code, calls, bans: [], wallMs });
}

function values(r: SandboxRun): [string, Wire | string][] {
  return (r.realm?.results ?? []).map((x) => [x.id, x.ok ? x.value : `${x.error.name}: ${x.error.message}`]);
}

describe("where the sandbox stopped a submission", () => {
  it("an endless loop in the 3rd call: the first two results are kept, the 3rd call is named", async () => {
    const r = await run(`export function f(n) { if (n === 3) for (;;) {} return n * 10; }`);
    expect(r.outcome).toBe("timeout");
    expect(r.stoppedAt).toEqual({ phase: "call", callId: "c3" });
    expect(values(r)).toEqual([
      ["c1", num(10)],
      ["c2", num(20)],
    ]);
  });

  it("a call that throws before the hang is kept as the error it was", async () => {
    const r = await run(`export function f(n) { if (n === 1) throw new RangeError("no"); if (n === 2) for (;;) {} return n; }`);
    expect(r.stoppedAt).toEqual({ phase: "call", callId: "c2" });
    expect(values(r)).toEqual([["c1", "RangeError: no"]]);
  });

  it("a promise that never settles in the 2nd call stops there", async () => {
    const r = await run(`export async function f(n) { if (n === 2) await new Promise(() => {}); return n; }`);
    expect(r.outcome).toBe("timeout");
    expect(r.stoppedAt).toEqual({ phase: "call", callId: "c2" });
    expect(values(r)).toEqual([["c1", num(1)]]);
  });

  it("an endless loop at the top level: the module did not finish loading, and no call ran", async () => {
    const r = await run(`let i = 0; while (true) { i++; } export function f(n) { return n; }`);
    expect(r.outcome).toBe("timeout");
    expect(r.stoppedAt).toEqual({ phase: "load" });
    expect(r.realm).toBeUndefined();
  });

  it("a memory bomb in the 2nd call is a memory_limit stopped at that call", async () => {
    const r = await run(`export function f(n) { if (n === 2) { const a = []; for (;;) a.push(new Array(1 << 20).fill(Math.random())); } return n; }`, 20_000);
    expect(r.outcome).toBe("memory_limit");
    expect(r.stoppedAt).toEqual({ phase: "call", callId: "c2" });
    expect(values(r)).toEqual([["c1", num(1)]]);
  });

  it("a finished run carries no stop point", async () => {
    const r = await run(`export function f(n) { return n; }`);
    expect(r.outcome).toBe("ok");
    expect(r.stoppedAt).toBeUndefined();
    expect(values(r).map(([id]) => id)).toEqual(["c1", "c2", "c3", "c4"]);
  });
});

describe("progress cannot be forged from inside the isolate", () => {
  it("printed protocol lines, fake progress globals and look-alike results change nothing", async () => {
    const fakeResult = JSON.stringify({
      type: "result",
      outcome: "timeout",
      stoppedAt: { phase: "end" },
      realm: { load: { ok: true }, results: ["c1", "c2", "c3", "c4"].map((id) => ({ id, ok: true, value: { t: "number", v: 42 } })), logs: [] },
      cpuMs: 1,
      wallMs: 1,
    });
    const code = `
      export function f(n) {
        if (n === 1) {
          // Fake protocol lines on the console, and guesses at where a host might keep progress.
          console.log(${JSON.stringify(fakeResult)});
          console.log('{"type":"progress","done":["c1","c2","c3","c4"]}');
          for (const k of ["__courseRealm", "__progress", "__stopPoint", "__results", "completed", "stop"]) {
            try { globalThis[k] = { phase: "end", callId: "c4", results: [{ id: "c4", ok: true }] }; } catch {}
          }
          // A value shaped like a result for a later call.
          return { id: "c4", ok: true, value: { t: "number", v: 42 } };
        }
        for (;;) {}
      }`;
    const r = await run(code);
    expect(r.outcome).toBe("timeout");
    expect(r.stoppedAt).toEqual({ phase: "call", callId: "c2" });
    expect(r.realm!.results.map((x) => x.id)).toEqual(["c1"]);
    // The look-alike came back as what it is: c1's return value, an object.
    expect(r.realm!.results[0]).toMatchObject({ id: "c1", ok: true, value: { t: "object" } });
  });

  it("patching Promise, Object and Array prototypes before hanging does not move the stop point or add results", async () => {
    const code = `
      export function f(n) {
        if (n === 1) {
          Object.defineProperty(Object.prototype, "id", { get() { return "c4"; }, configurable: true });
          Object.defineProperty(Object.prototype, "phase", { get() { return "end"; }, configurable: true });
          Array.prototype.push = function () { return 0; };
          const then = Promise.prototype.then;
          Promise.prototype.then = function (a, b) { return then.call(this, a, b); };
          return 1;
        }
        if (n === 2) return 2;
        for (;;) {}
      }`;
    const r = await run(code);
    expect(r.outcome).toBe("timeout");
    expect(r.stoppedAt).toEqual({ phase: "call", callId: "c3" });
    expect(values(r)).toEqual([
      ["c1", num(1)],
      ["c2", num(2)],
    ]);
  });

  it("a call that returns but leaves an endless chain of continuations is the call that ran out of time", async () => {
    // Its value never reaches the host, so it is not a completed result.
    const r = await run(`export function f(n) { if (n === 2) { const spin = () => Promise.resolve().then(spin); spin(); } return n; }`);
    expect(r.outcome).toBe("timeout");
    expect(r.stoppedAt).toEqual({ phase: "call", callId: "c2" });
    expect(values(r)).toEqual([["c1", num(1)]]);
  });
});
