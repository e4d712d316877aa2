/** What the exercise page says about the assignment's window and the attempts left. Pure. */
import { checkAcceptance, type AssignmentWindow } from "@course/db";

export type SubmitBlock = "not_open" | "closed" | "attempts_exhausted" | "not_enrolled";

export interface WindowState {
  canSubmit: boolean;
  /** Why Submit is disabled, when it is. */
  blockedBy: SubmitBlock | null;
  /** A submission made now would be late (penalty applies). */
  lateNow: boolean;
  attemptsUsed: number;
  /** null = unlimited. */
  attemptsLeft: number | null;
  maxAttempts: number | null;
  opensAt: string | null;
  dueAt: string | null;
  lateDueAt: string | null;
  latePenalty: number;
  points: number;
  /** The dates or attempts shown are this student's extension, not the assignment's. */
  extended: boolean;
}

/** `a` is the student's effective window (effectiveWindow with their extension); `extended` says it differs. */
export function windowState(a: AssignmentWindow, now: Date, attemptsUsed: number, enrolled = true, extended = false): WindowState {
  const acceptance = checkAcceptance(a, now, attemptsUsed);
  const blockedBy: SubmitBlock | null = !enrolled ? "not_enrolled" : acceptance.ok ? null : acceptance.code;
  return {
    canSubmit: blockedBy === null,
    blockedBy,
    lateNow: acceptance.ok && acceptance.isLate,
    attemptsUsed,
    attemptsLeft: a.maxAttempts === null ? null : Math.max(0, a.maxAttempts - attemptsUsed),
    maxAttempts: a.maxAttempts,
    opensAt: a.opensAt?.toISOString() ?? null,
    dueAt: a.dueAt?.toISOString() ?? null,
    lateDueAt: a.lateDueAt?.toISOString() ?? null,
    latePenalty: a.latePenalty,
    points: a.points,
    extended,
  };
}
