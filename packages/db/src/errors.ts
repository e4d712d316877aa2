/** A rule of the platform said no; `code` is stable for API responses, `message` is for people. */
export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code:
      | "not_found"
      | "not_enrolled"
      | "not_open"
      | "closed"
      | "attempts_exhausted"
      | "too_large"
      | "invalid_code"
      | "expired_code"
      | "already_enrolled"
      | "conflict",
    message: string,
  ) {
    super(message);
  }
}
