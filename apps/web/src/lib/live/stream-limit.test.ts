import { describe, expect, it } from "vitest";
import { StreamLimiter } from "./stream-limit.ts";

describe("StreamLimiter", () => {
  it("caps open streams per user and frees a place on release, once", () => {
    const limiter = new StreamLimiter(2);
    const a = limiter.acquire("u1");
    const b = limiter.acquire("u1");
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(limiter.acquire("u1")).toBeNull();
    expect(limiter.acquire("u2")).not.toBeNull();
    a!();
    a!();
    expect(limiter.openFor("u1")).toBe(1);
    expect(limiter.acquire("u1")).not.toBeNull();
    expect(limiter.acquire("u1")).toBeNull();
  });
});
