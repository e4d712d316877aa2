import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@course/db";
import { ApiError, errorResponse, route } from "./api.ts";

const noParams = { params: Promise.resolve({}) };

async function body(res: Response) {
  return (await res.json()) as { error?: { code: string; message: string; fields?: Record<string, string> } } & Record<string, unknown>;
}

describe("errorResponse", () => {
  it("maps domain errors to statuses with their code and message", async () => {
    const cases: [DomainError["code"], number][] = [
      ["not_found", 404],
      ["not_enrolled", 403],
      ["invalid_code", 400],
      ["expired_code", 410],
      ["attempts_exhausted", 409],
      ["already_enrolled", 409],
      ["too_large", 413],
    ];
    for (const [code, status] of cases) {
      const res = errorResponse(new DomainError(code, `because ${code}`));
      expect(res.status).toBe(status);
      expect(await body(res)).toEqual({ error: { code, message: `because ${code}` } });
    }
  });

  it("turns zod issues into per-field messages", async () => {
    const schema = z.object({ email: z.email("Enter an email address"), age: z.number().min(18, "Too young") });
    const parsed = schema.safeParse({ email: "nope", age: 3 });
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(400);
    expect(await body(res)).toMatchObject({
      error: { code: "invalid_input", fields: { email: "Enter an email address", age: "Too young" } },
    });
  });

  it("hides unexpected errors behind a generic 500 without a stack trace", async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const res = errorResponse(new TypeError("secret internals at /srv/app.js:12"));
      expect(res.status).toBe(500);
      const text = JSON.stringify(await body(res));
      expect(text).toContain('"code":"internal"');
      expect(text).not.toContain("secret internals");
      expect(text).not.toContain("app.js");
    } finally {
      console.error = original;
    }
  });

  it("passes deliberate ApiErrors through", async () => {
    const res = errorResponse(new ApiError(401, "unauthenticated", "Sign in to continue."));
    expect(res.status).toBe(401);
    expect(await body(res)).toEqual({ error: { code: "unauthenticated", message: "Sign in to continue." } });
  });
});

describe("route()", () => {
  const handler = route({ body: z.object({ name: z.string().min(2, "At least 2 characters") }) }, ({ body: b }) => ({ hello: b.name }));

  it("parses a JSON body and returns the handler's data", async () => {
    const res = await handler(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Ada" }) }), noParams);
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ hello: "Ada" });
  });

  it("refuses any body that is not JSON (415) on a route that takes no forms", async () => {
    for (const [type, text] of [
      ["application/x-www-form-urlencoded", "name=Grace"],
      ["text/plain", '{"name":"Grace"}'],
      ["multipart/form-data; boundary=x", '--x\r\ncontent-disposition: form-data; name="name"\r\n\r\nGrace\r\n--x--'],
    ]) {
      const res = await handler(new Request("http://x/api", { method: "POST", headers: { "content-type": type! }, body: text! }), noParams);
      expect(res.status, type).toBe(415);
      expect((await body(res)).error?.code).toBe("unsupported_media_type");
    }
  });

  it("refuses a cross-origin request from the same site with 403 before the handler runs", async () => {
    let ran = 0;
    const h = route({ body: z.object({}).passthrough() }, () => ({ ran: ++ran }));
    const attempts: Record<string, string>[] = [
      { origin: "http://x:8080" },
      { origin: "http://evil.x" },
      { origin: "null" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site", origin: "http://x" },
    ];
    for (const type of ["application/json", "text/plain", "application/x-www-form-urlencoded"]) {
      for (const headers of attempts) {
        const res = await h(new Request("http://x/api", { method: "POST", headers: { ...headers, "content-type": type }, body: "{}" }), noParams);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect((await body(res)).error?.code).toBe("cross_origin");
      }
    }
    expect(ran).toBe(0);
    const same = await h(new Request("http://x/api", { method: "POST", headers: { origin: "http://x", "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: "{}" }), noParams);
    expect(await body(same)).toEqual({ ran: 1 });
  });

  it("refuses a body over the route's cap with 413, before reading it", async () => {
    const h = route({ body: z.object({ code: z.string() }), maxBody: 64 }, () => ({ ok: true }));
    const big = JSON.stringify({ code: "x".repeat(100) });
    const declared = await h(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json", "content-length": String(big.length) }, body: big }), noParams);
    expect(declared.status).toBe(413);
    // No declared length (chunked): counted while streaming.
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(20)));
        c.close();
      },
    });
    const chunked = await h(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit), noParams);
    expect(chunked.status).toBe(413);
    expect((await body(chunked)).error?.code).toBe("too_large");
    const small = await h(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json" }, body: '{"code":"ok"}' }), noParams);
    expect(small.status).toBe(200);
  });

  it("answers malformed JSON with 400 invalid_json", async () => {
    const res = await handler(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json" }, body: "{nope" }), noParams);
    expect(res.status).toBe(400);
    expect((await body(res)).error?.code).toBe("invalid_json");
  });

  it("answers invalid fields with 400 and the field's message", async () => {
    const res = await handler(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "A" }) }), noParams);
    expect(res.status).toBe(400);
    expect((await body(res)).error?.fields).toEqual({ name: "At least 2 characters" });
  });

  it("reports a missing body's fields rather than crashing", async () => {
    const res = await handler(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json" } }), noParams);
    expect(res.status).toBe(400);
    expect(Object.keys((await body(res)).error?.fields ?? {})).toEqual(["name"]);
  });

  it("validates route params and query strings", async () => {
    const h = route({ params: z.object({ id: z.string().regex(/^\d+$/) }), query: z.object({ page: z.coerce.number().int().min(1) }) }, ({ params, query }) => ({ id: params.id, page: query.page }));
    const ok = await h(new Request("http://x/api/7?page=2"), { params: Promise.resolve({ id: "7" }) });
    expect(await body(ok)).toEqual({ id: "7", page: 2 });
    const badParam = await h(new Request("http://x/api/x?page=2"), { params: Promise.resolve({ id: "x" }) });
    expect(badParam.status).toBe(404);
    const badQuery = await h(new Request("http://x/api/7?page=0"), { params: Promise.resolve({ id: "7" }) });
    expect(badQuery.status).toBe(400);
    expect((await body(badQuery)).error?.code).toBe("invalid_query");
  });

  it("maps a DomainError thrown by the handler", async () => {
    const h = route({}, () => {
      throw new DomainError("expired_code", "This join code has expired.");
    });
    const res = await h(new Request("http://x/api", { method: "POST", headers: { "content-type": "application/json" } }), noParams);
    expect(res.status).toBe(410);
    expect(await body(res)).toEqual({ error: { code: "expired_code", message: "This join code has expired." } });
  });
});
