/**
 * Built-ins captured when the realm bundle is evaluated, i.e. BEFORE any student code runs.
 * Realm code uses only these, so a submission that patches prototypes or globals cannot change
 * how its results are read and marshalled.
 */

const g = globalThis;

export const R = {
  apply: Reflect.apply,
  ownKeys: Reflect.ownKeys,
  getPrototypeOf: Object.getPrototypeOf,
  getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  defineProperty: Object.defineProperty,
  freeze: Object.freeze,
  create: Object.create,
  stringToLowerCase: String.prototype.toLowerCase,
  hasOwn: Object.hasOwn,
  isArray: Array.isArray,
  isInteger: Number.isInteger,
  ObjectProto: Object.prototype,
  Function: Function,
  String: String,
  Error: Error,
  TypeError: TypeError,
  Float32Array: Float32Array,
  Int32Array: Int32Array,
  Uint8Array: Uint8Array,
  WeakMap: WeakMap,
  weakMapGet: WeakMap.prototype.get,
  weakMapSet: WeakMap.prototype.set,
  weakMapHas: WeakMap.prototype.has,
  regexpExec: RegExp.prototype.exec,
  stringSlice: String.prototype.slice,
  structuredClone: typeof g.structuredClone === "function" ? g.structuredClone : undefined,
} as const;

/** Define a data property without going through setters on any prototype. */
export function put(target: object, key: string | number, value: unknown): void {
  R.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Append to an array without Array.prototype.push (which a submission may have replaced). */
export function append<T>(list: T[], value: T): void {
  put(list, list.length, value);
}

export function weakGet<K extends object, V>(map: WeakMap<K, V>, key: K): V | undefined {
  return R.apply(R.weakMapGet, map, [key]) as V | undefined;
}

export function weakSet<K extends object, V>(map: WeakMap<K, V>, key: K, value: V): void {
  R.apply(R.weakMapSet, map, [key, value]);
}

export function exec(re: RegExp, text: string): RegExpExecArray | null {
  return R.apply(R.regexpExec, re, [text]) as RegExpExecArray | null;
}

export function truncate(text: string, max: number): string {
  return text.length > max ? (R.apply(R.stringSlice, text, [0, max]) as string) + "…" : text;
}

/** Read an own data property; throws a TypeError for an accessor (getter/setter). */
export function readOwn(obj: object, key: PropertyKey, where: string): { found: boolean; value: unknown } {
  const d = R.getOwnPropertyDescriptor(obj, key);
  if (d === undefined) return { found: false, value: undefined };
  if (!R.hasOwn(d, "value")) {
    throw new R.TypeError(`${where} is a getter/setter property; return plain data (getters are not evaluated).`);
  }
  return { found: true, value: d.value };
}
