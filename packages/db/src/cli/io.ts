// What a command-line entry point talks to, so the commands run the same in tests.
export interface CliIo {
  /** The whole of standard input (read only when a command needs it). */
  stdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Usage errors exit 2, refused requests 1 (the README's convention for the CLIs). */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
