import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type * as NodeModule from "node:module";
import type * as NodePath from "node:path";
import type * as NodeUrl from "node:url";
import { z } from "zod";
import { registerWasmGradientKernels } from "./wasm-kernels.ts";

export type BackendName = "tensorflow" | "wasm" | "cpu";

export const BACKEND_NAMES: readonly BackendName[] = ["tensorflow", "wasm", "cpu"];

const optionsSchema = z
  .object({
    prefer: z.array(z.enum(["tensorflow", "wasm", "cpu"])).min(1).optional(),
    loadNode: z.function().optional(),
    wasmPaths: z.string().min(1).optional(),
  })
  .optional();

export interface SelectBackendOptions {
  /** Order to try; default tensorflow (tfjs-node), then wasm, then cpu. */
  prefer?: BackendName[];
  /** Loads tfjs-node; injectable so the absent / failing paths can be exercised. */
  loadNode?: () => Promise<unknown>;
  /**
   * Where the .wasm binaries are (directory path or URL prefix ending in "/"). Default under Node:
   * this package's installed @tensorflow/tfjs-backend-wasm/dist. In a browser, pass the URL the app
   * serves them from.
   */
  wasmPaths?: string;
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

const isNode = (): boolean => typeof process !== "undefined" && typeof process.versions?.node === "string";

/**
 * Import a Node built-in or an optional package without letting TypeScript or a browser bundler
 * resolve it: this module stays importable in a browser bundle (the web app's workers).
 */
async function importUnbundled<T>(specifier: string): Promise<T> {
  return (await import(/* webpackIgnore: true */ /* @vite-ignore */ specifier)) as T;
}

/**
 * The package's own dist folder of @tensorflow/tfjs-backend-wasm, holding the .wasm binaries, with a
 * trailing separator (Node only).
 */
export async function wasmDistDir(): Promise<string> {
  if (!isNode()) throw new Error("wasmDistDir() needs Node; in a browser pass selectBackend({ wasmPaths })");
  const { createRequire } = await importUnbundled<typeof NodeModule>("node:module");
  const path = await importUnbundled<typeof NodePath>("node:path");
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve("@tensorflow/tfjs-backend-wasm")) + path.sep;
}

/** file:// URL prefix (with trailing slash) of the wasm binaries; nothing is fetched over a network. */
export async function wasmDistUrl(): Promise<string> {
  const { pathToFileURL } = await importUnbundled<typeof NodeUrl>("node:url");
  return pathToFileURL(await wasmDistDir()).href;
}

/** Default tfjs-node loader: a dynamic import of a package that is deliberately not a dependency. */
async function importTfjsNode(): Promise<unknown> {
  if (!isNode()) throw new Error("tfjs-node only runs under Node");
  return importUnbundled("@tensorflow/tfjs-node");
}

let wasmPathsSet = false;

async function tryBackend(name: BackendName, loadNode: () => Promise<unknown>, wasmPaths: string | undefined): Promise<string | undefined> {
  if (name === "tensorflow") {
    await loadNode();
    if (tf.findBackendFactory("tensorflow") === null && tf.findBackend("tensorflow") === null) {
      return "tfjs-node loaded but registered no 'tensorflow' backend with this copy of tfjs";
    }
  }
  if (name === "wasm" && !wasmPathsSet && tf.findBackend("wasm") === null) {
    // Node's wasm loader reads the binaries from the file system: a plain directory path works offline.
    setWasmPaths(wasmPaths ?? (await wasmDistDir()));
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
      reason = await tryBackend(name, loadNode, opts?.wasmPaths);
    } catch (e) {
      reason = e instanceof Error ? e.message : String(e);
    }
    attempts.push(reason === undefined ? { name, ok: true } : { name, ok: false, reason });
    if (reason === undefined) return name;
  }
  throw new Error(`no backend could be selected: ${attempts.map((a) => `${a.name} (${a.reason ?? "?"})`).join("; ")}`);
}
