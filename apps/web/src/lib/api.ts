// Route handler helpers: parse input with zod, map errors to { error: { code, message, fields? } }
// with the right status, never leak a stack trace.
//
//   export const POST = route({ body: EnrollBody, auth: true }, async ({ body, user }) => {
//     return { ok: true };               // plain data → 200 JSON; or return a Response
//   });
import { unstable_rethrow } from "next/navigation";
import { NextResponse } from "next/server";
import { z } from "zod";
import { DomainError, domainErrorStatus } from "@course/db";
import { ApiError } from "./api-error.ts";
import { getCurrentUser, type CurrentUser } from "./auth.ts";
import { getEnv } from "./env.ts";
import { DEFAULT_MAX_BODY_BYTES, mediaType, readFormBody, readJsonBody } from "./security/body.ts";
import { CSRF_FIELD, csrfTokenValid } from "./security/csrf.ts";
import { assertSameOrigin, isStateChanging } from "./security/origin.ts";

export { ApiError };

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function jsonError(status: number, code: string, message: string, fields?: Record<string, string>, headers?: Record<string, string>): NextResponse<ApiErrorBody> {
  return NextResponse.json({ error: fields ? { code, message, fields } : { code, message } }, { status, headers: { ...headers, "cache-control": "no-store" } });
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
  if (error instanceof ApiError) return jsonError(error.status, error.code, error.message, error.fields, error.headers);
  if (error instanceof DomainError) return jsonError(domainErrorStatus(error.code), error.code, error.message);
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

/**
 * The body of a state-changing request: JSON only, or, on a route that takes native HTML forms, a
 * urlencoded form carrying a valid CSRF token (the token field is dropped from the result).
 * Capped at maxBytes before reading (413); any other media type is 415.
 */
async function readInput(req: Request, spec: { maxBody?: number; form?: boolean }): Promise<unknown> {
  const maxBytes = spec.maxBody ?? DEFAULT_MAX_BODY_BYTES;
  if (spec.form && mediaType(req.headers) === "application/x-www-form-urlencoded") {
    const { [CSRF_FIELD]: token, ...fields } = await readFormBody(req, maxBytes);
    if (!csrfTokenValid(getEnv().authSecret, await getCurrentUser(), token)) {
      throw new ApiError(403, "invalid_csrf_token", "This form has expired: reload the page and try again.");
    }
    return fields;
  }
  return readJsonBody(req, maxBytes);
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, A extends boolean> {
  body?: B;
  query?: Q;
  params?: P;
  /** true: 401 JSON unless signed in; the handler gets `user`. */
  auth?: A;
  /** Largest body accepted, in bytes (default DEFAULT_MAX_BODY_BYTES); larger is 413 before reading. */
  maxBody?: number;
  /** Also accept a native HTML form post carrying a CSRF token (components/security/CsrfField). */
  form?: boolean;
  /** Runs once sign-in and params are checked, before the body is read (rate limits). */
  before?: (ctx: { req: Request; user: RouteUser<A> }) => Promise<void> | void;
}

type RouteUser<A extends boolean> = A extends true ? CurrentUser : CurrentUser | null;

export interface RouteContext<B, Q, P, A extends boolean> {
  req: Request;
  /** The parsed body of a state-changing request ({} for GET), for schemas that need the locale. */
  input: unknown;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  user: RouteUser<A>;
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
      assertSameOrigin(req, getEnv().authUrl);
      const user = (spec.auth ? await requireApiUser() : null) as RouteUser<A>;
      const params = await parsePart(spec.params, () => ctx.params, "params");
      const query = await parsePart(spec.query, () => Object.fromEntries(new URL(req.url).searchParams), "query");
      await spec.before?.({ req, user });
      const input = isStateChanging(req.method) ? await readInput(req, spec) : {};
      const body = await parsePart(spec.body, () => input, "body");
      const result = await handler({ req, input, body, query, params, user } as RouteContext<B, Q, P, A>);
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
