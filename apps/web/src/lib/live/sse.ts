// Server-sent events framing (text/event-stream): one named event per frame, JSON data on one line.

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-store, no-transform",
  // nginx and similar proxies would otherwise buffer the stream and deliver it at the end.
  "x-accel-buffering": "no",
  connection: "keep-alive",
} as const;

export function sseEvent(event: string, data: unknown): string {
  // JSON.stringify never emits a raw newline, so the data fits one `data:` line.
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Tells the browser how long to wait before reconnecting on its own. */
export function sseRetry(ms: number): string {
  return `retry: ${Math.max(0, Math.round(ms))}\n\n`;
}
