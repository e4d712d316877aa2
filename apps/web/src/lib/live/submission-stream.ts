/**
 * The live view of one submission as a server-sent event stream:
 *   - subscribes first, then sends the current state (`submission` event), so a change between
 *     the two is never missed and a reconnecting page (after a web restart) starts from the truth
 *     (the answer to a submission sends the stored view first, and the watcher checks its status
 *     once, cheaply, so a change before the watch began is still sent);
 *   - sends the view again on each status change the watcher reports (queued → running →
 *     graded/failed), skipping repeats, and ends the stream after a final status;
 *   - sends `ping` every `pingMs` so the page can tell a silent, broken stream from a quiet one;
 *   - ends after `maxMs` (the page reconnects and gets the current state first).
 */
import { JobStatusSchema, type SubmissionView } from "../exercise/schemas.ts";
import { isFinalStatus } from "../exercise/backoff.ts";
import { sseEvent, sseRetry } from "./sse.ts";

export interface SubmissionStreamDeps {
  submissionId: string;
  /** A view already in hand (the submission just stored), sent at once before the first load. */
  initial?: SubmissionView;
  /** Loads the view the viewer may see (already authorised). */
  load: () => Promise<SubmissionView>;
  /** Reports each new status; given `known`, it also checks the status once at once. */
  watch: (submissionId: string, listener: (status: string) => void, known?: string) => () => void;
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
      // Sends the current view if its status is new; serialised so views go out in order. Until a
      // final status only the status differs from a view in hand, so that view is reused, unloaded.
      const sendCurrent = (status?: string) => {
        sending = sending.then(async () => {
          if (closed) return;
          try {
            const pending = JobStatusSchema.safeParse(status);
            const view = deps.initial && pending.success && !isFinalStatus(pending.data) ? { ...deps.initial, status: pending.data } : await deps.load();
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
      const unwatch = deps.watch(deps.submissionId, sendCurrent, deps.initial?.status);
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
      // A view in hand goes first; the watch then reports a status that changed before it began.
      if (deps.initial) {
        lastStatus = deps.initial.status;
        write(sseEvent("submission", deps.initial));
      } else sendCurrent();
    },
    cancel() {
      // The page went away: stop watching; nothing more is written.
      closed = true;
      cleanup();
    },
  });
}
