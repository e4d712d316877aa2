/** Client-side JSON calls of the staff forms: the answer's body, with field errors when the server sent them. */
export interface JsonAnswer {
  ok: boolean;
  status: number;
  body: { error?: { code?: string; message?: string; fields?: Record<string, string> } } & Record<string, unknown>;
}

export async function sendJson(url: string, method: "POST" | "PUT" | "DELETE", body?: unknown): Promise<JsonAnswer> {
  const res = await fetch(url, {
    method,
    headers: { accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
  const parsed = (await res.json().catch(() => ({}))) as JsonAnswer["body"];
  return { ok: res.ok, status: res.status, body: parsed ?? {} };
}

/** A datetime-local value ("2026-03-01T12:00", read as UTC) as an ISO instant; empty stays empty. */
export function utcInstant(local: string): string {
  if (!local) return "";
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(local) ? `${local}Z` : local;
}
