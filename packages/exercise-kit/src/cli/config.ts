/** The authoring CLI's environment, read once and checked with zod (the one place that reads it). */
import { z } from "zod";

const CliEnvSchema = z.object({
  NO_COLOR: z.string().optional(),
  FORCE_COLOR: z.string().optional(),
  /** Where `pnpm exercise` was started (pnpm runs scripts from the repository root). */
  INIT_CWD: z.string().optional(),
});

export interface CliEnv {
  /** Relative paths (--root) are resolved from here. */
  cwd: string;
  /** Colours on a stream: FORCE_COLOR wins, then NO_COLOR, then whether it is a terminal. */
  color(stream: { isTTY?: boolean }): boolean;
}

export function loadCliEnv(env: Record<string, string | undefined> = process.env): CliEnv {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const e = CliEnvSchema.parse(clean);
  return {
    cwd: e.INIT_CWD ?? process.cwd(),
    color: (stream) => (e.FORCE_COLOR !== undefined ? e.FORCE_COLOR !== "0" : e.NO_COLOR === undefined && stream.isTTY === true),
  };
}

/** This process's environment with some variables replaced (tests spawn the CLI with it). */
export function environmentWith(overrides: Record<string, string>): Record<string, string | undefined> {
  return { ...process.env, ...overrides };
}
