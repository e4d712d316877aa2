/**
 * Types shared by the realm (sandbox) and the trusted side. Type declarations and constants only.
 */

export type WireDtype = "float32" | "int32" | "bool";

export interface WireTensor {
  t: "tensor";
  dtype: WireDtype;
  shape: number[];
  data: Float32Array | Int32Array | Uint8Array;
}

export type Wire =
  | WireTensor
  | { t: "number"; v: number }
  | { t: "string"; v: string }
  | { t: "boolean"; v: boolean }
  | { t: "null" }
  | { t: "undefined" }
  | { t: "array"; items: Wire[] }
  | { t: "object"; entries: Record<string, Wire> };

export interface WireLimits {
  /** Deepest nesting of arrays/objects (a tensor counts as one level). */
  maxDepth: number;
  /** Total tensor elements + array items + object entries in one value. */
  maxElements: number;
  /** Longest string (UTF-16 code units) and longest object key. */
  maxStringLength: number;
  /** Highest tensor rank. */
  maxRank: number;
}

export const DEFAULT_WIRE_LIMITS: Readonly<WireLimits> = Object.freeze({
  maxDepth: 32,
  maxElements: 4_000_000,
  maxStringLength: 10_000,
  maxRank: 8,
});

export type SandboxCall =
  | { id: string; kind: "export"; export: string; args: Wire[] }
  | { id: string; kind: "harness"; source: string; args: Wire[] };

export interface RealmError {
  name: string;
  message: string;
  /** Line/column in the compiled student module (1-based), when the error came from it. */
  line?: number;
  column?: number;
}

export type RealmCallResult = { id: string; ok: true; value: Wire } | { id: string; ok: false; error: RealmError };

export interface RealmResult {
  load: { ok: true } | { ok: false; error: RealmError };
  results: RealmCallResult[];
  logs: string[];
}

/** The file name a realm host must give the student module, so errors can be traced to its lines. */
export const SUBMISSION_FILE = "submission.js";
