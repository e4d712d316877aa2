/**
 * Hints of an exercise's mutants (mutants/hints.json): for each known mistake, what it is and
 * where to look, in English and Chinese, in words (never code: a hint teaches, it does not
 * hand out the fix). Shown when a submission's outputs match that mutant's.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { LOCALES } from "@course/locales";
import { z } from "zod";

export const HINTS_FILE = "mutants/hints.json";

const HintTextSchema = z.string().trim().min(10).max(400);
export const MutantHintSchema = z.object({ en: HintTextSchema, "zh-CN": HintTextSchema }).strict();
/** Mutant file name (without .ts) → its hint. */
export const MutantHintsSchema = z.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/).max(100), MutantHintSchema);
export type MutantHint = z.infer<typeof MutantHintSchema>;
export type MutantHints = z.infer<typeof MutantHintsSchema>;

// Code-shaped text: backticks, braces, arrows, assignments, statement ends, calls like f(x),
// member access like tf.x, declarations and imports.
const CODE_PATTERNS: readonly RegExp[] = [
  /`/,
  /[{}]/,
  /=>/,
  /(^|[^<>!=])=($|[^=])/,
  /;\s*$/m,
  /\b[A-Za-z_$][\w$]*\.[A-Za-z_$][\w$]*\b/,
  /\b[A-Za-z_$][\w$]*\([^)]*\)/,
  /\b(const|let|var)\s+[A-Za-z_$][\w$]*\s*[=:]/,
  /\bfunction\s*[\w$]*\s*\(/,
  /\b(import|export)\s+[{*]|\bfrom\s+["']/,
];

/** Whether a hint reads like code rather than words. */
export function looksLikeCode(text: string): boolean {
  return CODE_PATTERNS.some((p) => p.test(text));
}

/** Mutants without a hint, hints of no mutant, and hints that look like code ("name (en)"). */
export function hintProblems(hints: MutantHints, mutantNames: readonly string[]): { missing: string[]; unused: string[]; code: string[] } {
  const known = new Set(mutantNames);
  const code: string[] = [];
  for (const [name, h] of Object.entries(hints)) {
    for (const locale of LOCALES) if (looksLikeCode(h[locale])) code.push(`${name} (${locale})`);
  }
  return { missing: mutantNames.filter((n) => !Object.hasOwn(hints, n)), unused: Object.keys(hints).filter((n) => !known.has(n)), code };
}

/** An exercise folder's mutant hints: absent is empty (check-exercise reports it); malformed throws with the reason. */
export async function readMutantHints(dir: string): Promise<MutantHints> {
  const p = join(dir, HINTS_FILE);
  if (!existsSync(p)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(p, "utf8"));
  } catch (e) {
    throw new Error(`${HINTS_FILE}: ${(e as Error).message}`);
  }
  const parsed = MutantHintsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${HINTS_FILE}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}
