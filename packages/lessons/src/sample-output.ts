// How a runnable sample's console output is written down: the page's worker and the CI test both
// format console.log arguments with this function, so the expected output in the lesson source is
// compared with exactly what a reader sees. Browser-safe: no imports.

function isTensorLike(v: object): v is { dtype: string; shape: number[] } {
  return "dataId" in v && "dtype" in v && typeof v.dtype === "string" && "shape" in v && Array.isArray(v.shape);
}

function formatValue(v: unknown, nested: boolean, depth: number): string {
  if (typeof v === "string") return nested ? JSON.stringify(v) : v;
  if (typeof v === "number") return Object.is(v, -0) ? "0" : String(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v === null || v === undefined || typeof v === "boolean") return String(v);
  if (typeof v === "function") return `[Function ${v.name || "anonymous"}]`;
  if (typeof v !== "object") return String(v);
  if (depth > 4) return "…";
  if (isTensorLike(v)) return `Tensor(${v.dtype}, [${v.shape.join(", ")}])`;
  if (Array.isArray(v) || ArrayBuffer.isView(v)) {
    const items = Array.from(v as ArrayLike<unknown>, (x) => formatValue(x, true, depth + 1));
    return `[${items.join(", ")}]`;
  }
  const entries = Object.entries(v).map(([k, x]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${formatValue(x, true, depth + 1)}`);
  return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
}

/** One console line: strings as they are, other values in a stable, compact notation. */
export function formatLogLine(args: readonly unknown[]): string {
  return args.map((a) => formatValue(a, false, 0)).join(" ");
}

/** Expected and actual outputs compare without trailing spaces or blank edge lines. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trimEnd())
    .join("\n")
    .trim();
}
