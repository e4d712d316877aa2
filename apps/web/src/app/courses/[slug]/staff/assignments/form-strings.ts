import type { AssignmentFormStrings } from "../../../../../components/assess/AssignmentForm.tsx";
import type { AssessKey } from "../../../../../lib/i18n/messages/assess.ts";
import type { Translate } from "../../../../../lib/i18n/index.ts";

/** The assignment form's labels in the reader's language (the submit label is set by each page). */
export function assignmentFormStrings(t: Translate<AssessKey>): Omit<AssignmentFormStrings, "submit"> {
  const keys = [
    "exercise",
    "chooseExercise",
    "version",
    "versionHint",
    "opens",
    "due",
    "lateDue",
    "datesHint",
    "latePenalty",
    "penaltyHint",
    "maxAttempts",
    "attemptsHint",
    "points",
    "scoringPolicy",
    "policyHint",
    "policyBest",
    "policyLast",
    "saving",
    "saved",
    "failed",
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, t(k)])) as Omit<AssignmentFormStrings, "submit">;
}
