/**
 * The realm seam types from docs/grading-contract.md (exercise-kit `src/realm/types.ts`), restated
 * here so the sandbox host bundle does not depend on the kit's package surface.
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

export type SandboxCall =
  | { id: string; kind: "export"; export: string; args: Wire[] }
  | { id: string; kind: "harness"; source: string; args: Wire[] };

export interface RealmError {
  name: string;
  message: string;
  line?: number;
  column?: number;
}

export type RealmCallResult = { id: string; ok: true; value: Wire } | { id: string; ok: false; error: RealmError };

export interface RealmResult {
  load: { ok: true } | { ok: false; error: RealmError };
  results: RealmCallResult[];
  logs: string[];
}
