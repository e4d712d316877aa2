import { z } from "zod";

const Count = z.coerce.number({ error: "needs a positive whole number" }).int("needs a positive whole number").positive("needs a positive whole number");

/**
 * The sizes of the long bench sections from the command line (`--students N`, `--per-student N`,
 * `--gradings N`); absent flags keep the defaults. Throws naming the flag.
 */
export function parseBenchSizes(args: string[]): { students?: number; perStudent?: number; gradings?: number } {
  const out: { students?: number; perStudent?: number; gradings?: number } = {};
  for (const [flag, key] of [["--students", "students"], ["--per-student", "perStudent"], ["--gradings", "gradings"]] as const) {
    const at = args.indexOf(flag);
    if (at < 0) continue;
    const n = Count.safeParse(args[at + 1]);
    if (!n.success) throw new Error(`${flag} ${n.error.issues[0]?.message ?? "is invalid"}`);
    out[key] = n.data;
  }
  return out;
}
