/** Turn anything thrown in the realm into a RealmError (name, message, student line/column). */
import { R, exec, truncate } from "./intrinsics.ts";
import type { RealmError } from "./types.ts";

const MAX_MESSAGE = 2000;
// The student module is loaded as submission.js (or .mjs, possibly inside a URL).
const FRAME = /submission\.m?js:(\d+):(\d+)/;

function ownString(obj: object, key: string): string | undefined {
  try {
    const d = R.getOwnPropertyDescriptor(obj, key);
    if (d !== undefined && R.hasOwn(d, "value") && typeof d.value === "string") return d.value;
    // name usually lives on the prototype (Error.prototype.name): walk data properties only.
    let p = R.getPrototypeOf(obj) as object | null;
    for (let i = 0; i < 16 && p !== null; i++) {
      const pd = R.getOwnPropertyDescriptor(p, key);
      if (pd !== undefined) return R.hasOwn(pd, "value") && typeof pd.value === "string" ? pd.value : undefined;
      p = R.getPrototypeOf(p) as object | null;
    }
  } catch {
    // A Proxy trap threw: fall through.
  }
  return undefined;
}

export function describeError(e: unknown): RealmError {
  if (typeof e !== "object" || e === null) {
    let text = "a non-error value";
    if (typeof e === "string") text = truncate(e, MAX_MESSAGE);
    else if (typeof e === "number" || typeof e === "boolean") text = `${e}`;
    return { name: "Thrown", message: text };
  }
  const name = truncate(ownString(e, "name") ?? "Error", 100);
  const message = truncate(ownString(e, "message") ?? "(no message)", MAX_MESSAGE);
  const out: RealmError = { name, message };
  const stack = ownString(e, "stack");
  if (stack !== undefined) {
    const m = exec(FRAME, stack);
    if (m !== null) {
      out.line = +(m[1] as string);
      out.column = +(m[2] as string);
    }
  }
  return out;
}
