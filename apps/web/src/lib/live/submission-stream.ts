/**
 * The live view of one submission as a server-sent event stream:
 *   - subscribes first, then sends the current state (`submission` event), so a change between
 *     the two is never missed and a reconnecting page (after a web restart) starts from the truth
 *     (the answer to a submission sends the stored view first, then that state if it is newer);
 *   - sends the view again on each status change the watcher reports (queued → running →
 *     graded/failed), skipping repeats, and ends the stream after a final status;
 *   - sends `ping` every `pingMs` so the page can tell a silent, broken stream from a quiet one;
 *   - ends after `maxMs` (the page reconnects and gets the current state first).
 */
import type { SubmissionView } from "../exercise/schemas.ts";
import { isFinalStatus } from "../exercise/backoff.ts";
import { sseEvent, sseRetry } from "./sse.ts";

export interface SubmissionStreamDeps {
  submissionId: string;
  /** A view already in hand (the submission just stored), sent at once before the first load. */
  initial?: SubmissionView;
  /** Loads the view the viewer may see (already authorised). */
  load: () => Promise<SubmissionView>;
  watch: (submissionId: string, listener: (status: string) => void) => () => void;
  signal?: AbortSignal;
  pingMs?: number;
  maxMs?: number;
  onError?: (error: unknown) => void;
  /** Called once when the stream ends, whichever side ends it. */
  onClose?: () => void;
}

export function submissionStream(deps: SubmissionStreamDeps): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let closed = false;
  let cleanup = (): void => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let lastStatus: string | null = null;
      let sending = Promise.resolve();
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      const write = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      // Sends the current view if its status is new; serialised so views go out in order.
      const sendCurrent = () => {
        sending = sending.then(async () => {
          if (closed) return;
          try {
            const view = await deps.load();
            if (closed || view.status === lastStatus) return;
            lastStatus = view.status;
            write(sseEvent("submission", view));
            if (isFinalStatus(view.status)) close();
          } catch (e) {
            deps.onError?.(e);
            close();
          }
        });
      };
      const unwatch = deps.watch(deps.submissionId, sendCurrent);
      const ping = setInterval(() => write(sseEvent("ping", {})), deps.pingMs ?? 15_000);
      const expire = setTimeout(close, deps.maxMs ?? 5 * 60_000);
      deps.signal?.addEventListener("abort", close);
      cleanup = () => {
        deps.onClose?.();
        unwatch();
        clearInterval(ping);
        clearTimeout(expire);
        deps.signal?.removeEventListener("abort", close);
      };
      write(sseRetry(1000));
      if (deps.initial) {
        lastStatus = deps.initial.status;
        write(sseEvent("submission", deps.initial));
      }
      // Loaded even after an initial view: a change made before the watch began is sent now.
      sendCurrent();
    },
    cancel() {
      // The page went away: stop watching; nothing more is written.
      closed = true;
      cleanup();
    },
  });
}
