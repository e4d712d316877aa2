// The site's configured public URL, for code that must not load the rest of the configuration
// (src/proxy.ts runs before every page and does not load the database layer that env.ts needs).
import { z } from "zod";

export const SiteUrlSchema = z.url({ error: "NEXTAUTH_URL must be an absolute URL such as http://127.0.0.1:3000" }).optional();

export interface SiteEnv {
  /** The configured site URL (NEXTAUTH_URL), or undefined on a development machine. */
  siteUrl: URL | undefined;
  dev: boolean;
}

let cached: SiteEnv | undefined;

export function getSiteEnv(): SiteEnv {
  if (!cached) {
    const url = SiteUrlSchema.parse(process.env.NEXTAUTH_URL);
    cached = { siteUrl: url ? new URL(url) : undefined, dev: process.env.NODE_ENV === "development" };
  }
  return cached;
}

/** True in Next's Node.js server runtime (Next names the runtime of each bundle it builds). */
export function isNodeRuntime(): boolean {
  return process.env.NEXT_RUNTIME === "nodejs";
}
