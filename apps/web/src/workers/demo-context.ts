/**
 * What a demo computation gets from the demo worker: tfjs (wasm backend), a way to send frames to
 * the page, a cooperative yield point that also ends a cancelled run, and the building blocks it
 * may take from the reader's own submission.
 *
 * Own code runs the way the exercise page's pre-check runs it: the module is linked against
 * exercise-kit's restrictTf (the exercise's bans), and each call goes through executeCalls with
 * Wire-marshalled arguments and results, so a submission sees exactly what it sees there.
 */
import * as tf from "@tensorflow/tfjs";
import type { DemoName, DemoParams } from "@course/lessons/browser";
import type { OwnModule } from "../lib/lessons/demo-protocol.ts";
import { executeCalls, fromWireInRealm, restrictTf, tfModuleSource, toWireInRealm, captureTf, DEFAULT_WIRE_LIMITS, type TfNamespace } from "./kit.ts";
import { linkTfImport } from "../lib/exercise/module-link.ts";

export class Cancelled extends Error {
  override name = "Cancelled";
}

/** An error thrown by, or while loading, the reader's own code (reported with the exercise). */
export class OwnCodeError extends Error {
  override name = "OwnCodeError";
  constructor(
    readonly exerciseId: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export interface DemoContext<F> {
  readonly tf: typeof tf;
  emit(frame: F): void;
  /** Lets the worker read messages (a cancel) and the page breathe; throws Cancelled when cancelled. */
  tick(): Promise<void>;
  /** True when the reader switched this exercise's building block to their own code. */
  isOwn(exerciseId: string): boolean;
  /**
   * An exercise's export: the reader's own when switched on, else `reference`. Arguments and results
   * are tensors, numbers or plain objects of them; the caller disposes the tensors it gets back.
   */
  block<A extends unknown[], R>(exerciseId: string, exportName: string, reference: (...args: A) => R): (...args: A) => Promise<R>;
}

export type DemoComputation<N extends DemoName, F = unknown> = (params: DemoParams<N>, ctx: DemoContext<F>) => Promise<void>;

interface LoadedModule {
  mod: unknown;
  restricted: TfNamespace;
}

const loaded = new Map<string, Promise<LoadedModule>>();
let moduleCount = 0;

async function importOwn(own: OwnModule): Promise<LoadedModule> {
  const restricted = restrictTf(tf as unknown as Record<string, unknown>, own.bans, { allow: own.allow });
  const globalName = `__courseDemoTf${++moduleCount}`;
  (globalThis as Record<string, unknown>)[globalName] = restricted;
  const shimUrl = URL.createObjectURL(new Blob([tfModuleSource(restricted, globalName)], { type: "text/javascript" }));
  const source = `${linkTfImport(own.code, shimUrl)}\n//# sourceURL=submission.js\n`;
  const modUrl = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  try {
    const mod: unknown = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ modUrl);
    return { mod, restricted };
  } catch (e) {
    throw new OwnCodeError(own.exerciseId, `Your module failed to load: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    URL.revokeObjectURL(modUrl);
    URL.revokeObjectURL(shimUrl);
  }
}

/** Loads (once per distinct code) the reader's module for an exercise. */
export function loadOwnModule(own: OwnModule): Promise<LoadedModule> {
  const key = `${own.exerciseId}\u0000${own.code}`;
  let entry = loaded.get(key);
  if (entry === undefined) {
    entry = importOwn(own);
    entry.catch(() => loaded.delete(key));
    loaded.set(key, entry);
  }
  return entry;
}

/** Calls one export of a loaded module through executeCalls, as the pre-check does. */
async function callOwn(exerciseId: string, m: LoadedModule, exportName: string, args: unknown[]): Promise<unknown> {
  const handle = captureTf(tf as unknown as TfNamespace);
  const wires = args.map((a) => toWireInRealm(a, handle, DEFAULT_WIRE_LIMITS));
  // Submissions rarely tidy up, and a demo calls them thousands of times: every tensor created
  // during the call (results included, which come back as Wire copies) is freed when it returns.
  // Caveat: a scope spans the await, so a second demo's tensors created in that window would be
  // freed too; calls are short and synchronous in practice, and the page runs one demo at a time.
  tf.engine().startScope();
  let result: Awaited<ReturnType<typeof executeCalls>>;
  try {
    result = await executeCalls(m.mod, m.restricted, [{ id: "0", kind: "export", export: exportName, args: wires }]);
  } finally {
    tf.engine().endScope();
  }
  const r = result.results[0];
  if (r === undefined) throw new OwnCodeError(exerciseId, `${exportName} returned nothing`);
  if (!r.ok) throw new OwnCodeError(exerciseId, `${exportName}: ${r.error.name}: ${r.error.message}`, r.error.line);
  return fromWireInRealm(r.value, handle, []);
}

export function createContext<F>(options: {
  emit: (frame: F) => void;
  isCancelled: () => boolean;
  own: ReadonlyMap<string, LoadedModule>;
}): DemoContext<F> {
  return {
    tf,
    emit: options.emit,
    async tick() {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (options.isCancelled()) throw new Cancelled();
    },
    isOwn: (exerciseId) => options.own.has(exerciseId),
    block<A extends unknown[], R>(exerciseId: string, exportName: string, reference: (...args: A) => R) {
      const m = options.own.get(exerciseId);
      if (m === undefined) return (...args: A) => Promise.resolve(reference(...args));
      return async (...args: A) => (await callOwn(exerciseId, m, exportName, args)) as R;
    },
  };
}
