import { describe, expect, it } from "vitest";
import { csrfToken, csrfTokenValid } from "./csrf.ts";

const secret = "s".repeat(40);
const ada = { id: "u1", sessionVersion: 0 };

describe("CSRF tokens", () => {
  it("accept the token made for the same session only", () => {
    const token = csrfToken(secret, ada);
    expect(csrfTokenValid(secret, ada, token)).toBe(true);
    expect(csrfTokenValid(secret, { id: "u2", sessionVersion: 0 }, token)).toBe(false);
    expect(csrfTokenValid("t".repeat(40), ada, token)).toBe(false);
    expect(csrfTokenValid(secret, null, token)).toBe(false);
    expect(csrfTokenValid(secret, ada, undefined)).toBe(false);
    expect(csrfTokenValid(secret, ada, token.slice(1))).toBe(false);
  });

  it("die with the session: after sign-out (a new session version) the old token is refused", () => {
    const token = csrfToken(secret, ada);
    expect(csrfTokenValid(secret, { ...ada, sessionVersion: 1 }, token)).toBe(false);
  });
});
