/**
 * The marker `pnpm exercise new` leaves where the author has work to do. The check reports every
 * file that still holds one, with what to put there.
 */
export const PLACEHOLDER = "TODO(author)";

/** What each scaffolded part needs, in the words the check prints. */
export const PLACEHOLDER_HINTS: Record<string, string> = {
  "exercise.json": "give the exercise its titles (en, zh-CN), its lesson, its exports and the tf functions it bans",
  "statement.en.md": "write the statement in English: the task, the exported signatures, shapes and any tolerance",
  "statement.zh-CN.md": "write the statement in Simplified Chinese (the same content as the English one)",
  "starter.ts": "write the starter the student begins from: it compiles, exports every name, and fails the hidden tests",
  "solution.ts": "write the reference solution: it gets full marks on every seed",
  "tests.ts": "write the test cases (public and hidden, random and edge), the expected values and the input domain",
  "tests.zh-CN.json": "translate every test case name into Simplified Chinese",
  "alternatives/": "add other correct solutions in other styles (or delete the placeholder file)",
  "mutants/": "write known-wrong variants the hidden tests must reject (typical student mistakes)",
  "mutants/hints.json": "write a hint (en, zh-CN) for each mutant",
};

export function hasPlaceholder(text: string): boolean {
  return text.includes(PLACEHOLDER);
}
