/**
 * Messages between the trusted grader and a sandbox-host process: one JSON document per line.
 * Plain TypeScript (no dependencies) because the host bundle includes it; the trusted side parses
 * everything a host sends with the zod schemas in ./schemas.ts.
 * Typed arrays travel as base64 of their bytes; non-finite numbers as strings.
 */
import type { RealmResult, SandboxCall, Wire } from "./realm-types.ts";

export type WireJson =
  | { t: "tensor"; dtype: "float32" | "int32" | "bool"; shape: number[]; b64: string }
  | { t: "number"; v: number | "NaN" | "Infinity" | "-Infinity" | "-0" }
  | { t: "string"; v: string }
  | { t: "boolean"; v: boolean }
  | { t: "null" }
  | { t: "undefined" }
  | { t: "array"; items: WireJson[] }
  | { t: "object"; entries: Record<string, WireJson> };

export type CallJson =
  | { id: string; kind: "export"; export: string; args: WireJson[] }
  | { id: string; kind: "harness"; source: string; args: WireJson[] };

export interface JobMessage {
  type: "job";
  /** Compiled student module (ESM JavaScript). */
  code: string;
  calls: CallJson[];
  bans: string[];
  allow: string[];
  wallMs: number;
  cpuMs: number;
  /**
   * Course code only (author hosts): keep this job's isolate, module loaded, for the next jobs
   * with the same key (the course bundle's hash). Never set for a student submission.
   */
  reuse?: string;
  /**
   * With `reuse`: the trusted side believes this host keeps that module, so `code` is empty (a
   * course module is ~750 KB: encoding and parsing it again cost milliseconds every plan). A host
   * that does not keep it answers with a load error named MODULE_NOT_KEPT, and the job is sent
   * again with its code.
   */
  codeOmitted?: true;
}

/** Course modules an author host keeps loaded, by reuse key (the least recently used goes first). */
export const MAX_KEPT_MODULES = 3;

/** The load error of a `codeOmitted` job whose module the host does not keep. */
export const MODULE_NOT_KEPT = "ModuleNotKept";

export interface RealmErrorJson {
  name: string;
  message: string;
  line?: number;
  column?: number;
}

export type RealmResultJson = {
  load: { ok: true } | { ok: false; error: RealmErrorJson };
  results: (
    { id: string; ok: true; value: WireJson } | { id: string; ok: false; error: RealmErrorJson }
  )[];
  logs: string[];
};

/**
 * Where the host stopped a submission (timeout / memory_limit), as the host itself recorded it
 * outside the isolate: evaluating the module, waiting for one planned call (the results of the
 * calls before it were complete), or after the last call had returned.
 */
export type StopPoint = { phase: "load" } | { phase: "call"; callId: string } | { phase: "end" };

/** "setup_failed": the sandbox broke before any student code ran (infrastructure, retried). */
export type HostOutcome = "ok" | "timeout" | "memory_limit" | "crashed" | "setup_failed";

export interface ReadyMessage {
  type: "ready";
  warmMs: number;
  /** base64 V8 code cache of realm.js, when this host produced one. */
  cache?: string;
  cacheRejected?: boolean;
  /** CPU ms this host process has used so far (all threads). */
  procCpuMs?: number;
}

export interface ResultMessage {
  type: "result";
  outcome: HostOutcome;
  detail?: string;
  /** With "timeout" / "memory_limit": the results of the calls that completed before `stoppedAt`. */
  realm?: RealmResultJson;
  stoppedAt?: StopPoint;
  cpuMs: number;
  wallMs: number;
  /** CPU ms this host process has used so far (all threads). */
  procCpuMs?: number;
  /** The host exits after this result (job limit reached, or the submission did not end cleanly). */
  retiring?: boolean;
  /** Milliseconds since the job arrived at which each phase ended (diagnostics). */
  phases?: Record<string, number>;
}

export type HostMessage = ReadyMessage | ResultMessage;

function b64(view: ArrayBufferView): string {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString("base64");
}

function numberToJson(v: number): WireJson & { t: "number" } {
  if (Number.isNaN(v)) return { t: "number", v: "NaN" };
  if (v === Infinity) return { t: "number", v: "Infinity" };
  if (v === -Infinity) return { t: "number", v: "-Infinity" };
  if (Object.is(v, -0)) return { t: "number", v: "-0" };
  return { t: "number", v };
}

export function wireToJson(w: Wire): WireJson {
  switch (w.t) {
    case "tensor":
      return { t: "tensor", dtype: w.dtype, shape: [...w.shape], b64: b64(w.data) };
    case "number":
      return numberToJson(w.v);
    case "string":
    case "boolean":
      return { t: w.t, v: w.v } as WireJson;
    case "null":
    case "undefined":
      return { t: w.t };
    case "array":
      return { t: "array", items: w.items.map(wireToJson) };
    case "object": {
      const entries: Record<string, WireJson> = {};
      for (const k of Object.keys(w.entries)) {
        Object.defineProperty(entries, k, {
          value: wireToJson(w.entries[k]!),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return { t: "object", entries };
    }
  }
}

function decodeData(
  dtype: "float32" | "int32" | "bool",
  text: string,
): Float32Array | Int32Array | Uint8Array {
  const bytes = Buffer.from(text, "base64");
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  if (dtype === "bool") return copy;
  if (copy.length % 4 !== 0)
    throw new Error("tensor data is not a whole number of 4-byte elements");
  return dtype === "float32" ? new Float32Array(copy.buffer) : new Int32Array(copy.buffer);
}

export function wireFromJson(w: WireJson): Wire {
  switch (w.t) {
    case "tensor":
      return { t: "tensor", dtype: w.dtype, shape: [...w.shape], data: decodeData(w.dtype, w.b64) };
    case "number":
      return { t: "number", v: w.v === "-0" ? -0 : typeof w.v === "string" ? Number(w.v) : w.v };
    case "string":
    case "boolean":
      return { t: w.t, v: w.v } as Wire;
    case "null":
    case "undefined":
      return { t: w.t };
    case "array":
      return { t: "array", items: w.items.map(wireFromJson) };
    case "object": {
      const entries: Record<string, Wire> = {};
      for (const k of Object.keys(w.entries)) {
        Object.defineProperty(entries, k, {
          value: wireFromJson(w.entries[k]!),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return { t: "object", entries };
    }
  }
}

export function callToJson(c: SandboxCall): CallJson {
  return { ...c, args: c.args.map(wireToJson) };
}

export function callFromJson(c: CallJson): SandboxCall {
  return { ...c, args: c.args.map(wireFromJson) } as SandboxCall;
}

export function realmResultToJson(r: RealmResult): RealmResultJson {
  return {
    load: r.load,
    results: r.results.map((x) =>
      x.ok ? { id: x.id, ok: true as const, value: wireToJson(x.value) } : x,
    ),
    logs: r.logs,
  };
}

export function realmResultFromJson(r: RealmResultJson): RealmResult {
  return {
    load: r.load,
    results: r.results.map((x) =>
      x.ok ? { id: x.id, ok: true as const, value: wireFromJson(x.value) } : x,
    ),
    logs: r.logs,
  };
}
