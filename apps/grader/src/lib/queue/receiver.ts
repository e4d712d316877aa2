/** What the service needs from a queue consumer, whichever driver it uses. */
export interface Receiver {
  readonly kind: "db" | "bullmq";
  readonly capacity: number;
  start(): void | Promise<void>;
  /** Look for work now (after an in-process enqueue or a wake call). */
  wake(): void;
  /** Jobs being graded right now. */
  active(): number;
  /** Stop claiming and finish (or release) in-flight jobs. */
  stop(): Promise<void>;
}
