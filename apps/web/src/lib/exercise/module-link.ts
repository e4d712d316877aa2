/**
 * Linking a compiled submission in the browser pre-check: the module's `@tensorflow/tfjs` import
 * is pointed at a generated shim module that re-exports the restricted tf the realm built. Pure
 * string functions, shared by the worker and its tests.
 */

export const TF_SPECIFIER = "@tensorflow/tfjs";
/** Global slot (a registered symbol) through which the shim module reaches the restricted tf. */
export const TF_GLOBAL_KEY = "course.restrictedTf";

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(["default", "then", "__proto__"]);

/** Source of an ES module exporting every own key of the restricted tf, plus `default`. */
export function tfShimSource(keys: readonly string[]): string {
  const lines = [`const tf = globalThis[Symbol.for(${JSON.stringify(TF_GLOBAL_KEY)})];`, "export default tf;"];
  for (const k of keys) {
    if (!IDENT.test(k) || RESERVED.has(k)) continue;
    lines.push(`export const ${k} = tf[${JSON.stringify(k)}];`);
  }
  return lines.join("\n");
}

/**
 * Rewrites static `import … from "@tensorflow/tfjs"` (and `export … from`) specifiers to `url`.
 * The compiler already rejected any other import, so only these specifiers can appear.
 */
export function linkTfImport(code: string, url: string): string {
  const target = JSON.stringify(url);
  return code.replace(/(\b(?:from|import)\s*)(["'])@tensorflow\/tfjs\2/g, (_m, kw: string) => `${kw}${target}`);
}
