// Request bodies, capped before they are read: the declared length is checked first, then the
// stream is counted chunk by chunk, so a 50 MB body costs at most `maxBytes` of memory.
import { ApiError } from "../api-error.ts";

/** The default cap for a JSON body; routes that take code raise it. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

/** The media type without parameters, lower-cased ("application/json"), or "" when absent. */
export function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, "too_large", `The request body may be at most ${maxBytes} bytes.`);
}

/** Reads the body as UTF-8 text, refusing (413) as soon as it exceeds maxBytes. */
export async function readCappedText(req: Request, maxBytes: number): Promise<string> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON body (empty reads as {}); any other media type is refused with 415. */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  if (mediaType(req.headers) !== "application/json") {
    throw new ApiError(
      415,
      "unsupported_media_type",
      "Send the body as JSON (content-type: application/json).",
    );
  }
  const text = await readCappedText(req, maxBytes);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

/** An HTML form body (application/x-www-form-urlencoded) as string fields. */
export async function readFormBody(
  req: Request,
  maxBytes: number,
): Promise<Record<string, string>> {
  const text = await readCappedText(req, maxBytes);
  return Object.fromEntries(new URLSearchParams(text));
}
