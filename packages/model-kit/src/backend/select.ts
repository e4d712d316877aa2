import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { registerWasmGradientKernels } from "./wasm-kernels.ts";

export type BackendName = "tensorflow" | "wasm" | "cpu";

export const BACKEND_NAMES: readonly BackendName[] = ["tensorflow", "wasm", "cpu"];

const optionsSchema = z
  .object({
    prefer: z.array(z.enum(["tensorflow", "wasm", "cpu"])).min(1).optional(),
    loadNode: z.function().optional(),
  })
  .optional();

export interface SelectBackendOptions {
  /** Order to try; default tensorflow (tfjs-node), then wasm, then cpu. */
  prefer?: BackendName[];
  /** Loads tfjs-node; injectable so the absent / failing paths can be exercised. */
  loadNode?: () => Promise<unknown>;
}

/** What happened on each backend tried, newest call only (for logs and diagnostics). */
export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  reason?: string;
}

let lastAttempts: BackendAttempt[] = [];

export function lastBackendAttempts(): readonly BackendAttempt[] {
  return lastAttempts;
}

/** The package's own dist folder of @tensorflow/tfjs-backend-wasm, holding the .wasm binaries. */
export function wasmDistDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm"));
}

/** file:// URL prefix (with trailing slash) of the wasm binaries; nothing is fetched over a network. */
export function wasmDistUrl(): string {
  return pathToFileURL(wasmDistDir() + path.sep).href;
}

/**
 * Default tfjs-node loader. The specifier is a variable so neither TypeScript nor a bundler tries to
 * resolve a package that is deliberately not a dependency.
 */
async function importTfjsNode(): Promise<unknown> {
  const specifier = "@tensorflow/tfjs-node";
  return import(specifier);
}

let wasmPathsSet = false;

async function tryBackend(name: BackendName, loadNode: () => Promise<unknown>): Promise<string | undefined> {
  if (name === "tensorflow") {
    await loadNode();
    if (tf.findBackendFactory("tensorflow") === null && tf.findBackend("tensorflow") === null) {
      return "tfjs-node loaded but registered no 'tensorflow' backend with this copy of tfjs";
    }
  }
  if (name === "wasm" && !wasmPathsSet && tf.findBackend("wasm") === null) {
    // Node's wasm loader reads the binaries from the file system: a plain directory path works offline.
    setWasmPaths(wasmDistDir() + path.sep);
    wasmPathsSet = true;
  }
  const ok = await tf.setBackend(name);
  if (!ok) return `tf.setBackend('${name}') failed to initialise`;
  await tf.ready();
  if (name === "wasm") registerWasmGradientKernels();
  return undefined;
}

/**
 * Pick the fastest backend that loads: tfjs-node ("tensorflow") when installed and loadable, else
 * wasm (binaries loaded offline from the installed package, missing gradient kernels registered),
 * else cpu. Returns the backend now active; throws if none of the preferred ones works.
 */
export async function selectBackend(opts?: SelectBackendOptions): Promise<BackendName> {
  optionsSchema.parse(opts);
  const prefer = opts?.prefer ?? [...BACKEND_NAMES];
  const loadNode = opts?.loadNode ?? importTfjsNode;
  const attempts: BackendAttempt[] = [];
  lastAttempts = attempts;
  for (const name of prefer) {
    let reason: string | undefined;
    try {
      reason = await tryBackend(name, loadNode);
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    attempts.push(reason === undefined ? { name, ok: true } : { name, ok: false, reason });
    if (reason === undefined) return name;
  }
  throw new Error(`no backend could be selected: ${attempts.map((a) => `${a.name} (${a.reason ?? "?"})`).join("; ")}`);
}
