// Route handler helpers: parse input with zod, map errors to { error: { code, message, fields? } }
// with the right status, never leak a stack trace.
//
//   export const POST = route({ body: EnrollBody, auth: true }, async ({ body, user }) => {
//     return { ok: true };               // plain data → 200 JSON; or return a Response
//   });
import { unstable_rethrow } from "next/navigation";
import { NextResponse } from "next/server";
import { z } from "zod";
import { DomainError } from "@course/db";
import { ApiError } from "./api-error.ts";
import { getCurrentUser, type CurrentUser } from "./auth.ts";

export { ApiError };

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export const DOMAIN_STATUS: Record<DomainError["code"], number> = {
  not_found: 404,
  not_enrolled: 403,
  not_open: 403,
  closed: 403,
  attempts_exhausted: 409,
  too_large: 413,
  invalid_code: 400,
  expired_code: 410,
  already_enrolled: 409,
  conflict: 409,
};

export function jsonError(status: number, code: string, message: string, fields?: Record<string, string>): NextResponse<ApiErrorBody> {
  return NextResponse.json({ error: fields ? { code, message, fields } : { code, message } }, { status, headers: { "cache-control": "no-store" } });
}

/** One message per field path ("email", "items.0.name"); form-level issues under "". */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    fields[key] ??= issue.message;
  }
  return fields;
}

/** Maps anything thrown by a handler to a JSON error response. */
export function errorResponse(error: unknown): NextResponse<ApiErrorBody> {
  if (error instanceof ApiError) return jsonError(error.status, error.code, error.message, error.fields);
  if (error instanceof DomainError) return jsonError(DOMAIN_STATUS[error.code] ?? 400, error.code, error.message);
  if (error instanceof z.ZodError) {
    const fields = zodFields(error);
    const formLevel = fields[""];
    delete fields[""];
    const hasFields = Object.keys(fields).length > 0;
    return jsonError(400, "invalid_input", formLevel ?? "Some fields are invalid: check the messages next to them.", hasFields ? fields : undefined);
  }
  console.error("[api] unhandled error", error);
  return jsonError(500, "internal", "Something went wrong on our side. Please try again.");
}

/** For route handlers: the signed-in user, or an ApiError that becomes a 401 JSON response. */
export async function requireApiUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
  return user;
}

/** Reads a JSON or HTML-form body; an empty body reads as {}. */
export async function readBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
    const form = await req.formData();
    const out: Record<string, string> = {};
    for (const [key, value] of form.entries()) if (typeof value === "string") out[key] = value;
    return out;
  }
  const text = await req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, A extends boolean> {
  body?: B;
  query?: Q;
  params?: P;
  /** true: 401 JSON unless signed in; the handler gets `user`. */
  auth?: A;
}

export interface RouteContext<B, Q, P, A extends boolean> {
  req: Request;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  user: A extends true ? CurrentUser : CurrentUser | null;
}

/** What Next passes as the second argument of a route handler. */
export interface NextRouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

async function parsePart(schema: Schema | undefined, input: () => Promise<unknown> | unknown, where: string): Promise<unknown> {
  if (!schema) return undefined;
  const result = schema.safeParse(await input());
  if (result.success) return result.data;
  if (where === "body") throw result.error;
  const fields = zodFields(result.error);
  throw new ApiError(where === "params" ? 404 : 400, where === "params" ? "not_found" : "invalid_query", where === "params" ? "Not found." : "Invalid query parameters.", fields);
}

export function route<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  A extends boolean = false,
>(
  spec: RouteSpec<B, Q, P, A>,
  handler: (ctx: RouteContext<B, Q, P, A>) => Promise<Response | object> | Response | object,
): (req: Request, ctx: NextRouteContext) => Promise<Response> {
  return async (req, ctx) => {
    try {
      const user = spec.auth ? await requireApiUser() : null;
      const params = await parsePart(spec.params, () => ctx.params, "params");
      const query = await parsePart(spec.query, () => Object.fromEntries(new URL(req.url).searchParams), "query");
      const body = await parsePart(spec.body, () => readBody(req), "body");
      const result = await handler({ req, body, query, params, user } as RouteContext<B, Q, P, A>);
      return result instanceof Response ? result : NextResponse.json(result, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      unstable_rethrow(error); // redirect() / notFound() and Next's own control flow pass through
      return errorResponse(error);
    }
  };
}

/** A 303 "see other" to a same-site path. The Location is relative, so the browser stays on the
 *  host it used (127.0.0.1 vs localhost matters for cookies). */
export function redirectTo(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}

/** True when the request came from a plain HTML form (no JavaScript): answer with a redirect. */
export function wantsHtml(req: Request): boolean {
  const type = req.headers.get("content-type") ?? "";
  return type.includes("application/x-www-form-urlencoded") && !(req.headers.get("accept") ?? "").includes("application/json");
}
