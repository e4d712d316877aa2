// The error strings the credentials provider reports to the sign-in form (client-safe).
export const RATE_LIMITED_PREFIX = "rate_limited:";

export type SignInFailure = { kind: "rate_limited"; minutes: number } | { kind: "invalid_credentials" } | { kind: "unknown" };

export function rateLimitedError(minutes: number): string {
  return `${RATE_LIMITED_PREFIX}${minutes}`;
}

export function parseSignInError(error: string | null | undefined): SignInFailure {
  if (!error) return { kind: "unknown" };
  if (error.startsWith(RATE_LIMITED_PREFIX)) {
    const minutes = Number(error.slice(RATE_LIMITED_PREFIX.length));
    if (Number.isInteger(minutes) && minutes > 0) return { kind: "rate_limited", minutes };
  }
  if (error === "CredentialsSignin") return { kind: "invalid_credentials" };
  return { kind: "unknown" };
}
