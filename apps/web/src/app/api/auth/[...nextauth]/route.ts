import NextAuth from "next-auth";
import { getAuthOptions } from "../../../../lib/auth.ts";

type Ctx = { params: Promise<{ nextauth: string[] }> };

function handler(req: Request, ctx: Ctx): Promise<Response> {
  return (NextAuth as unknown as (req: Request, ctx: Ctx, options: ReturnType<typeof getAuthOptions>) => Promise<Response>)(req, ctx, getAuthOptions());
}

export { handler as GET, handler as POST };
