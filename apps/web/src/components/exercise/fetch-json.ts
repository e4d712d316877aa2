/** Client-side JSON calls to the exercise API: parse the answer with zod, surface `{ error }` bodies. */
import type { z } from "zod";
import type * as SchemasModule from "../../lib/exercise/schemas.ts";

type Schemas = typeof SchemasModule;

/**
 * zod and the answer schemas arrive with the first call rather than with the page: nothing needs
 * them before the learner acts, and evaluating them would lengthen hydration on a slow phone.
 */
let schemas: Promise<Schemas> | null = null;
function loadSchemas(): Promise<Schemas> {
  schemas ??= import("../../lib/exercise/schemas.ts").catch((e: unknown) => {
    schemas = null;
    throw new ApiCallError(0, "network", (e as Error).message || "offline");
  });
  return schemas;
}

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For a "duplicate" answer: the earlier attempt with the same code. */
    readonly match?: { submissionId: string; attemptNumber: number; href: string },
  ) {
    super(message);
    this.name = "ApiCallError";
  }
}

export interface ApiRequestInit {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** The Accept header (default application/json). */
  accept?: string;
}

/** Sends a same-origin API request; a network failure becomes ApiCallError(0, "network"). */
export async function apiRequest(url: string, init: ApiRequestInit = {}): Promise<Response> {
  const accept = init.accept ?? "application/json";
  try {
    return await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? { accept } : { "content-type": "application/json", accept },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiCallError(0, "network", (e as Error).message || "offline");
  }
}

/** `pickSchema` chooses the answer's schema from the lazily loaded schemas module. */
export async function fetchJson<S extends z.ZodType>(url: string, pickSchema: (s: Schemas) => S, init: ApiRequestInit = {}): Promise<z.output<S>> {
  const loaded = loadSchemas();
  return readAnswer(await apiRequest(url, init), pickSchema, loaded);
}

/** A JSON answer already received: its `{ error }` as ApiCallError, else the body checked by the schema. */
export async function readAnswer<S extends z.ZodType>(res: Response, pickSchema: (s: Schemas) => S, loaded = loadSchemas()): Promise<z.output<S>> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const { ApiErrorSchema } = await loaded;
  if (!res.ok) {
    const err = ApiErrorSchema.safeParse(body);
    if (err.success) throw new ApiCallError(res.status, err.data.error.code, err.data.error.message, err.data.error.match);
    throw new ApiCallError(res.status, "http_error", `HTTP ${res.status}`);
  }
  const parsed = pickSchema(await loaded).safeParse(body);
  if (!parsed.success) throw new ApiCallError(res.status, "bad_response", "The server sent an unexpected response.");
  return parsed.data;
}

/** Checks an answer that arrived another way (a server-sent event) with the same lazy schemas. */
export async function parseAnswer<S extends z.ZodType>(body: unknown, pickSchema: (s: Schemas) => S): Promise<z.output<S>> {
  const parsed = pickSchema(await loadSchemas()).safeParse(body);
  if (!parsed.success) throw new ApiCallError(200, "bad_response", "The server sent an unexpected response.");
  return parsed.data;
}
