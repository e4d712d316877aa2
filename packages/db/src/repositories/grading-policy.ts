/** Pure rules for when a submission is accepted and what its score is worth. */
export interface AssignmentWindow {
  opensAt: Date | null;
  dueAt: Date | null;
  lateDueAt: Date | null;
  latePenalty: number;
  maxAttempts: number | null;
  points: number;
}

/** A per-student exception (the Extension row's fields that change the rules). */
export interface ExtensionTerms {
  dueAt: Date | null;
  lateDueAt: Date | null;
  extraAttempts: number;
}

export type Acceptance =
  | { ok: true; isLate: boolean }
  | { ok: false; code: "not_open" | "closed" | "attempts_exhausted"; message: string };

/**
 * The window one student works under: an extension's dates replace the assignment's (a date the
 * extension leaves empty keeps the assignment's), its extra attempts add to a limited maximum.
 * An extended due date past the assignment's late due date also moves the late due date, so an
 * extension never shortens the time a student has.
 */
export function effectiveWindow<W extends AssignmentWindow>(a: W, ext: ExtensionTerms | null | undefined): W {
  if (!ext) return a;
  const dueAt = ext.dueAt ?? a.dueAt;
  let lateDueAt = ext.lateDueAt ?? a.lateDueAt;
  if (lateDueAt && dueAt && lateDueAt < dueAt) lateDueAt = dueAt;
  const maxAttempts = a.maxAttempts === null ? null : a.maxAttempts + Math.max(0, ext.extraAttempts);
  return { ...a, dueAt, lateDueAt, maxAttempts };
}

/** Whether a submission at `at` is late under this window. */
export function isLate(a: Pick<AssignmentWindow, "dueAt">, at: Date): boolean {
  return a.dueAt !== null && at > a.dueAt;
}

/** `attemptsUsed` counts charged attempts only (see attempts.ts): duplicates and infrastructure failures are free. */
export function checkAcceptance(a: AssignmentWindow, now: Date, attemptsUsed: number): Acceptance {
  if (a.opensAt && now < a.opensAt) {
    return { ok: false, code: "not_open", message: `This assignment opens on ${a.opensAt.toISOString()}.` };
  }
  const finalDeadline = a.lateDueAt ?? a.dueAt;
  if (finalDeadline && now > finalDeadline) {
    return { ok: false, code: "closed", message: `Submissions closed on ${finalDeadline.toISOString()}.` };
  }
  if (a.maxAttempts !== null && attemptsUsed >= a.maxAttempts) {
    return {
      ok: false,
      code: "attempts_exhausted",
      message: `You have used all ${a.maxAttempts} attempts for this assignment.`,
    };
  }
  return { ok: true, isLate: isLate(a, now) };
}

/** The grader's raw score scaled to the assignment's points, less the late penalty. */
export function finalScore(a: Pick<AssignmentWindow, "latePenalty" | "points">, raw: number, max: number, isLate: boolean): number {
  if (max <= 0) return 0;
  const fraction = Math.min(1, Math.max(0, raw / max));
  const penalty = isLate ? Math.min(1, Math.max(0, a.latePenalty)) : 0;
  return Math.round(fraction * a.points * (1 - penalty) * 100) / 100;
}

export type ScoringPolicy = "best" | "last";

export interface ScoredAttempt {
  id: string;
  attemptNumber: number;
  score: number | null;
}

/**
 * The attempt that counts in the gradebook: "best" takes the highest score (the earlier attempt on
 * a tie), "last" the latest attempt that has a score. Attempts without a score (waiting, failed
 * infrastructure) never count. Null when no attempt has a score.
 */
export function countingAttempt<A extends ScoredAttempt>(attempts: readonly A[], policy: ScoringPolicy): A | null {
  let pick: A | null = null;
  for (const a of attempts) {
    if (a.score === null) continue;
    if (!pick) pick = a;
    else if (policy === "last" ? a.attemptNumber > pick.attemptNumber : a.score > pick.score! || (a.score === pick.score && a.attemptNumber < pick.attemptNumber)) pick = a;
  }
  return pick;
}
