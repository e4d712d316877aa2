/**
 * Which tfjs a submission's isolate needs. "core" (tfjs-core + cpu backend) starts in about a
 * third of the time of "full" (the @tensorflow/tfjs union with layers, converter and data). A
 * submission gets "core" only when nothing in it can reach the union-only parts: any doubt
 * (a mention of those names, the tf namespace used as a value or indexed, harness calls,
 * exercises that allow layers) means "full", which behaves exactly like what students import.
 */
import type { Flavour } from "./bundle.ts";
import type { SandboxCall } from "./realm-types.ts";

const UNION_ONLY =
  /\b(layers|sequential|loadLayersModel|loadGraphModel|loadGraphModelSync|LayersModel|Sequential|SymbolicTensor|GraphModel|callbacks|regularizers|constraints|initializers|metrics|registerCallbackConstructor|CustomCallback|EarlyStopping|History|deregisterOp|registerOp|getRegisteredOp|version_layers|version_converter|version_data)\b/;
/** Union-only names too common as plain identifiers to match as words: matched as tf members. */
const UNION_MEMBER = /\.\s*(?:model|input)\s*\(|\.\s*data\s*\.|\[\s*["'`](?:model|input|data|node)["'`]\s*\]/;
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']@tensorflow\/tfjs["']/g;
const NAMESPACE_IMPORT = /import\s*\*\s*as\s+([A-Za-z_$][\w$]*)\s+from\s*["']@tensorflow\/tfjs["']/g;
const DEFAULT_IMPORT = /import\s+([A-Za-z_$][\w$]*)\s*(?:,|from)/g;

function escape(id: string): string {
  return id.replace(/\$/g, "\\$");
}

export function chooseFlavour(code: string, calls: readonly SandboxCall[], allow: readonly string[] = []): Flavour {
  if (calls.some((c) => c.kind === "harness")) return "full";
  if (allow.some((a) => UNION_ONLY.test(a.split(".")[0] ?? ""))) return "full";
  if (UNION_ONLY.test(code) || UNION_MEMBER.test(code)) return "full";
  for (const m of code.matchAll(NAMED_IMPORT)) {
    if (/\b(model|input|data|node|default)\b/.test(m[1] ?? "")) return "full";
  }
  const names = [...code.matchAll(NAMESPACE_IMPORT), ...code.matchAll(DEFAULT_IMPORT)].map((m) => m[1]!).filter((n) => n !== "as");
  for (const name of names) {
    // The namespace used as a value or indexed (tf[x], f(tf), { ...tf }) could reach anything.
    const uses = code.match(new RegExp(`(?<![\\w$.])${escape(name)}(?![\\w$])(?!\\s*\\.)`, "g")) ?? [];
    const importMentions = (code.match(new RegExp(`import\\s*(?:\\*\\s*as\\s+)?${escape(name)}\\b`, "g")) ?? []).length;
    if (uses.length > importMentions) return "full";
  }
  return "core";
}
