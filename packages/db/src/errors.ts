/** A rule of the platform said no; `code` is stable for API responses, `message` is for people. */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The one HTTP status of each domain error, shared by the web app's API and the grader's, so a
 * client sees the same answer whichever door it knocked on.
 * - 403: the rule forbids it for this user now (not enrolled, window not open or closed).
 * - 409: the request conflicts with stored state (attempts used up, already enrolled, the course's
 *   last instructor removed or demoted).
 * - 410: the thing existed but is gone for good (an expired join code).
 */
export const DOMAIN_ERROR_STATUS = {
  not_found: 404,
  not_enrolled: 403,
  not_open: 403,
  closed: 403,
  attempts_exhausted: 409,
  too_large: 413,
  invalid_code: 400,
  expired_code: 410,
  already_enrolled: 409,
  last_instructor: 409,
  conflict: 409,
  duplicate: 409,
} as const satisfies Record<string, number>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_STATUS;

/** A submission identical to an earlier attempt (see repositories/attempts.ts): not stored, not charged. */
export class DuplicateSubmissionError extends DomainError {
  override name = "DuplicateSubmissionError";
  constructor(readonly match: { submissionId: string; attemptNumber: number }) {
    super("duplicate", `This code is the same as your attempt ${match.attemptNumber}; it was not submitted again and no attempt was used.`);
  }
}

/** The HTTP status for a domain error code. */
export function domainErrorStatus(code: DomainErrorCode): number {
  return DOMAIN_ERROR_STATUS[code];
}
