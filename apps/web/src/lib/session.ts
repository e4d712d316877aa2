// Session lifetime rules. next-auth's JWT maxAge slides with activity; on top of it a sign-in is
// valid for at most maxAge seconds from the moment the password was checked (absolute expiry).

export interface SessionClaims {
  /** Seconds since the epoch when the user signed in. */
  authTime?: unknown;
}

export class SessionExpiredError extends Error {
  override name = "SessionExpiredError";
  constructor() {
    super("session expired: sign in again");
  }
}

export function nowSeconds(now: number = Date.now()): number {
  return Math.floor(now / 1000);
}

/** True when the token carries no valid sign-in time or the sign-in is older than maxAge. */
export function sessionExpired(claims: SessionClaims & Record<string, unknown>, maxAgeSeconds: number, now: number = Date.now()): boolean {
  const authTime = claims.authTime;
  if (typeof authTime !== "number" || !Number.isFinite(authTime)) return true;
  const age = nowSeconds(now) - authTime;
  return age < -60 || age >= maxAgeSeconds; // a sign-in time in the future is forged or a broken clock
}
