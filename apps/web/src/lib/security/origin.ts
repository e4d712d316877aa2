// Cross-origin request refusal for state-changing requests. SameSite=Lax cookies stop only
// cross-*site* requests; a page on another port or subdomain of the same site is "same-site" and
// still sends them. Browsers say where a request came from (Origin on every POST, Sec-Fetch-Site on
// every request to a trustworthy origin), so anything not from the configured site itself is refused.
import { ApiError } from "../api-error.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The origin requests must come from: the configured site URL's, else (dev without NEXTAUTH_URL) the request's own. */
export function siteOrigin(req: Request, configuredUrl: string | undefined): string {
  return new URL(configuredUrl ?? req.url).origin;
}

/** Why a state-changing request is refused as cross-origin, or null when it came from the site. */
export function crossOriginReason(headers: Headers, expectedOrigin: string): string | null {
  const fetchSite = headers.get("sec-fetch-site");
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none")
    return `Sec-Fetch-Site is ${fetchSite}`;
  const origin = headers.get("origin");
  if (origin !== null && origin !== expectedOrigin)
    return `Origin ${origin} is not ${expectedOrigin}`;
  return null;
}

/** Throws a 403 ApiError when a state-changing request did not come from the site itself. */
export function assertSameOrigin(req: Request, configuredUrl: string | undefined): void {
  if (!isStateChanging(req.method)) return;
  const reason = crossOriginReason(req.headers, siteOrigin(req, configuredUrl));
  if (reason)
    throw new ApiError(
      403,
      "cross_origin",
      `This request must come from the site itself (${reason}).`,
    );
}
