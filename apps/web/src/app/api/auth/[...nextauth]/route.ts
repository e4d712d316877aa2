import NextAuth from "next-auth";
import { errorResponse } from "../../../../lib/api.ts";
import { getAuthOptions } from "../../../../lib/auth.ts";
import { getEnv } from "../../../../lib/env.ts";
import { assertSameOrigin } from "../../../../lib/security/origin.ts";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Ctx): Promise<Response> {
  // next-auth's CSRF token is a double-submit cookie, which a sibling origin can plant: its POSTs
  // (sign-in, sign-out) must come from the site itself too.
  try {
    assertSameOrigin(req, getEnv().authUrl);
  } catch (error) {
    return Promise.resolve(errorResponse(error));
  }
  return (NextAuth as unknown as (req: Request, ctx: Ctx, options: ReturnType<typeof getAuthOptions>) => Promise<Response>)(req, ctx, getAuthOptions());
}

export { handler as GET, handler as POST };
