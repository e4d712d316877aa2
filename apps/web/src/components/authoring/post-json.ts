// JSON calls from the authoring pages: the answer, or the API's error message (and field messages).
export type JsonResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; message: string; fields?: Record<string, string> };

export async function postJson<T>(
  url: string,
  body: unknown,
  method = "POST",
): Promise<JsonResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (e) {
    return { ok: false, status: 0, message: (e as Error).message || "network error" };
  }
  const json = (await res.json().catch(() => null)) as {
    error?: { message?: string; fields?: Record<string, string> };
  } | null;
  if (res.ok) return { ok: true, data: json as T };
  return {
    ok: false,
    status: res.status,
    message: json?.error?.message ?? `HTTP ${res.status}`,
    ...(json?.error?.fields ? { fields: json.error.fields } : {}),
  };
}

export async function getJson<T>(url: string): Promise<JsonResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
  } catch (e) {
    return { ok: false, status: 0, message: (e as Error).message || "network error" };
  }
  const json = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return res.ok
    ? { ok: true, data: json as T }
    : { ok: false, status: res.status, message: json?.error?.message ?? `HTTP ${res.status}` };
}
