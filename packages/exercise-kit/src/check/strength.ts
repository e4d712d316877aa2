/**
 * Test strength: mutate the reference automatically (Stryker's instrumenter finds the mutants),
 * grade every mutant with the hidden tests, and count how many they reject. A survivor the author
 * has shown to be equivalent to the reference is recorded in `equivalent-mutants.json` (keyed by
 * mutator, original code and replacement, so unrelated edits keep the key) and does not count.
 */
import { Instrumenter } from "@stryker-mutator/instrumenter";
import { z } from "zod";
import type { CheckSubject } from "./subject.ts";
import type { ExerciseRunner } from "./runner.ts";

export const EQUIVALENT_MUTANTS_FILE = "equivalent-mutants.json";

/** `{ "<mutant key>": "why it behaves exactly like the reference" }`. */
export const EquivalentMutantsSchema = z.record(z.string().min(1), z.string().trim().min(10, "give a reason (at least 10 characters)"));

export interface AutoMutant {
  /** Stable name: `Mutator: original → replacement` (plus ` #n` for the n-th identical one). */
  key: string;
  mutator: string;
  /** 1-based line of the mutated code in the reference. */
  line: number;
  original: string;
  replacement: string;
  source: string;
}

export interface StrengthReport {
  /** Automatic mutants that compile (those that do not are not counted, as in Stryker). */
  total: number;
  killed: number;
  equivalent: { key: string; reason: string }[];
  survivors: AutoMutant[];
  /** killed / (total - equivalent), 1 when there is nothing to kill. */
  score: number;
  /** Stale or wrong equivalent-mutants.json entries, an unparsable reference. */
  problems: string[];
}

const quiet = (): void => {};
const silentLogger = {
  isTraceEnabled: () => false,
  isDebugEnabled: () => false,
  isInfoEnabled: () => false,
  isWarnEnabled: () => false,
  isErrorEnabled: () => false,
  isFatalEnabled: () => false,
  trace: quiet,
  debug: quiet,
  info: quiet,
  warn: quiet,
  error: quiet,
  fatal: quiet,
};

const oneLine = (code: string): string => code.replace(/\s+/g, " ").trim();

/** Offset of an instrumenter position (line and column both 0-based) in the source. */
function offsetOf(lineStarts: number[], pos: { line: number; column: number }): number {
  return (lineStarts[pos.line] ?? Number.NaN) + pos.column;
}

/** Every automatic mutant of a TypeScript module, as a whole source each. */
export async function automaticMutants(source: string, fileName = "solution.ts"): Promise<AutoMutant[]> {
  const instrumenter = new Instrumenter(silentLogger);
  const result = await instrumenter.instrument([{ name: fileName, content: source, mutate: true }], { plugins: null, ignorers: [], excludedMutations: [] });
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const seen = new Map<string, number>();
  return result.mutants.map((m) => {
    const start = offsetOf(lineStarts, m.location.start);
    const end = offsetOf(lineStarts, m.location.end);
    const original = source.slice(start, end);
    const base = `${m.mutatorName}: ${oneLine(original)} → ${oneLine(m.replacement)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      key: n === 1 ? base : `${base} #${n}`,
      mutator: m.mutatorName,
      line: m.location.start.line + 1,
      original,
      replacement: m.replacement,
      source: source.slice(0, start) + m.replacement + source.slice(end),
    };
  });
}

/** The equivalent mutants recorded in the text of equivalent-mutants.json (none when absent). */
export function parseEquivalentMutants(text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(`${EQUIVALENT_MUTANTS_FILE}: ${(e as Error).message}`);
  }
  const parsed = EquivalentMutantsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${EQUIVALENT_MUTANTS_FILE}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

export async function checkStrength(
  ex: Pick<CheckSubject, "solution" | "readOptional">,
  runner: ExerciseRunner,
  options: { seed: number; onProgress?: (message: string) => void },
): Promise<StrengthReport> {
  const problems: string[] = [];
  let equivalents: Record<string, string> = {};
  try {
    equivalents = parseEquivalentMutants(await ex.readOptional(EQUIVALENT_MUTANTS_FILE));
  } catch (e) {
    problems.push((e as Error).message);
  }
  let mutants: AutoMutant[] = [];
  try {
    mutants = await automaticMutants(ex.solution);
  } catch (e) {
    problems.push(`the reference could not be mutated: ${(e as Error).message}`);
  }
  let killed = 0;
  let invalid = 0;
  const survivors: AutoMutant[] = [];
  const equivalent: { key: string; reason: string }[] = [];
  for (const [i, m] of mutants.entries()) {
    options.onProgress?.(`automatic mutant ${i + 1}/${mutants.length}: ${m.key}`);
    const r = await runner.grade(m.source, { seed: options.seed, visibility: "hidden" });
    if (r.status === "compile_error") {
      invalid++;
      continue;
    }
    const rejected = r.status !== "passed";
    const reason = equivalents[m.key];
    if (reason !== undefined) {
      if (rejected) problems.push(`${EQUIVALENT_MUTANTS_FILE}: "${m.key}" is recorded as equivalent, but the hidden tests reject it: remove the entry`);
      else equivalent.push({ key: m.key, reason });
    } else if (rejected) killed++;
    else survivors.push(m);
  }
  const keys = new Set(mutants.map((m) => m.key));
  for (const key of Object.keys(equivalents)) {
    if (!keys.has(key)) problems.push(`${EQUIVALENT_MUTANTS_FILE}: no automatic mutant "${key}" any more: remove the entry`);
  }
  const total = mutants.length - invalid;
  const counted = total - equivalent.length;
  return { total, killed, equivalent, survivors, score: counted === 0 ? 1 : killed / counted, problems };
}
