/** Pure rules for when a submission is accepted and what its score is worth. */
export interface AssignmentWindow {
  opensAt: Date | null;
  dueAt: Date | null;
  lateDueAt: Date | null;
  latePenalty: number;
  maxAttempts: number | null;
  points: number;
}

export type Acceptance =
  | { ok: true; isLate: boolean }
  | { ok: false; code: "not_open" | "closed" | "attempts_exhausted"; message: string };

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
  return { ok: true, isLate: a.dueAt !== null && now > a.dueAt };
}

/** The grader's raw score scaled to the assignment's points, less the late penalty. */
export function finalScore(a: Pick<AssignmentWindow, "latePenalty" | "points">, raw: number, max: number, isLate: boolean): number {
  if (max <= 0) return 0;
  const fraction = Math.min(1, Math.max(0, raw / max));
  const penalty = isLate ? Math.min(1, Math.max(0, a.latePenalty)) : 0;
  return Math.round(fraction * a.points * (1 - penalty) * 100) / 100;
}
