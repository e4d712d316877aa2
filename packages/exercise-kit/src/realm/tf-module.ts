/**
 * Source of the ES module a realm host links in place of "@tensorflow/tfjs": it re-exports the
 * restricted tf object stored on a global, so `import * as tf`, named imports and the default
 * import all see the restricted functions.
 */
const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  ("default class function delete in new typeof void with var const let eval arguments enum await yield import export " +
    "super this null true false if else for while do switch case break continue return throw try catch finally debugger " +
    "instanceof static implements interface package private protected public").split(" "),
);

export function tfModuleSource(restrictedTf: Record<string, unknown>, globalName: string): string {
  const lines = [`const tf = globalThis[${JSON.stringify(globalName)}];`, "export default tf;"];
  const names = Object.keys(restrictedTf).filter((k) => IDENT.test(k) && !RESERVED.has(k));
  for (const k of names) lines.push(`export const ${k} = tf.${k};`);
  return lines.join("\n") + "\n";
}
