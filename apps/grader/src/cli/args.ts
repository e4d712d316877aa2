/** Command-line arguments of `pnpm grade`. */
const USAGE = "usage: pnpm grade <exercise-id> <path/to/submission.ts> [--json] [--seed N]";

export class UsageError extends Error {}

export interface CliArgs {
  exerciseId: string;
  file: string;
  json: boolean;
  seed: number | undefined;
}

export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  let json = false;
  let seed: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--json") json = true;
    else if (a === "--seed" || a.startsWith("--seed=")) {
      const v = a === "--seed" ? argv[++i] : a.slice("--seed=".length);
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 2 ** 31 - 1) throw new UsageError(`--seed needs a whole number between 0 and ${2 ** 31 - 1}`);
      seed = Number(v);
    } else if (a === "--help" || a === "-h") throw new UsageError(USAGE);
    else if (a === "--") continue;
    else if (a.startsWith("-")) throw new UsageError(`unknown option ${a}\n${USAGE}`);
    else positional.push(a);
  }
  if (positional.length !== 2) throw new UsageError(USAGE);
  return { exerciseId: positional[0]!, file: positional[1]!, json, seed };
}

