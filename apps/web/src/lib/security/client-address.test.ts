import { describe, expect, it } from "vitest";
import { clientAddress, isAddressOrRange, PEER_HEADER, TrustedProxies } from "./client-address.ts";

const none = new TrustedProxies([]);
const proxies = new TrustedProxies(["10.0.0.1", "172.16.0.0/12", "::1"]);

describe("clientAddress", () => {
  it("uses the socket address and ignores forwarding headers when no proxy is trusted", () => {
    const h = new Headers({
      [PEER_HEADER]: "203.0.113.5",
      "x-forwarded-for": "198.51.100.1",
      "x-real-ip": "198.51.100.2",
    });
    expect(clientAddress(h, none)).toBe("203.0.113.5");
  });

  it("ignores X-Forwarded-For from an address that is not a configured proxy", () => {
    expect(
      clientAddress({ [PEER_HEADER]: "203.0.113.5", "x-forwarded-for": "1.2.3.4" }, proxies),
    ).toBe("203.0.113.5");
  });

  it("walks X-Forwarded-For from the right past trusted proxies only", () => {
    // The client forged "6.6.6.6"; the proxy chain 172.16.0.9 → 10.0.0.1 appended the real hop.
    const h = {
      [PEER_HEADER]: "::ffff:10.0.0.1",
      "x-forwarded-for": "6.6.6.6, 198.51.100.7, 172.16.0.9",
    };
    expect(clientAddress(h, proxies)).toBe("198.51.100.7");
  });

  it("is 'unknown' without a socket address (not started through server.mjs)", () => {
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4" }, proxies)).toBe("unknown");
  });
});

describe("isAddressOrRange", () => {
  it("accepts addresses and CIDR ranges, refuses anything else", () => {
    for (const ok of ["10.0.0.1", "::1", "10.0.0.0/8", "fd00::/8"])
      expect(isAddressOrRange(ok)).toBe(true);
    for (const bad of ["example.com", "10.0.0.0/33", "10.0.0.1/x", "1.2.3", ""])
      expect(isAddressOrRange(bad)).toBe(false);
  });
});
