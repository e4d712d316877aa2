/** A same-site path to go to after an action, or `fallback` (no open redirects). */
export function safeNext(value: unknown, fallback = "/my"): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if ([...value].some((ch) => ch.charCodeAt(0) < 0x20)) return fallback;
  return value;
}

/** The path part of a same-origin Referer header, for redirecting a plain form post back.
 *  `host` is the request's Host header (what the browser used to reach us). */
export function refererPath(referer: string | null, host: string | null, fallback = "/"): string {
  if (!referer || !host) return fallback;
  try {
    const ref = new URL(referer);
    if (ref.host !== host) return fallback;
    return safeNext(ref.pathname + ref.search, fallback);
  } catch {
    return fallback;
  }
}
