import { afterEach, describe, expect, it, vi } from "vitest";

// The claim is the database's: here a controllable stand-in, so a wake can land mid-claim.
const claims: Array<(job: null) => void> = [];
vi.mock("@course/db", () => ({
  claimNextJob: vi.fn(() => new Promise<null>((resolve) => claims.push(resolve))),
  recoverStaleJobs: vi.fn(async () => ({ requeued: [], failed: [] })),
  unclaimJob: vi.fn(async () => undefined),
}));

const { DbReceiver } = await import("./db-receiver.ts");
type Deps = ConstructorParameters<typeof DbReceiver>[0];

function receiver(): InstanceType<typeof DbReceiver> {
  const deps = { db: {}, workerId: "w1", log: () => undefined } as unknown as Deps;
  // A poll far longer than the test's wait: only a wake can start the next claim in time.
  return new DbReceiver(deps, { concurrency: 1, pollMs: 60_000, staleMs: 60_000, recoverMs: 60_000 });
}

describe("DbReceiver", () => {
  let r: InstanceType<typeof DbReceiver> | undefined;
  afterEach(async () => {
    const stopping = r?.stop();
    for (const resolve of claims.splice(0)) resolve(null);
    await stopping;
  });

  it("claims again at once when a wake arrives while a claim is in flight", async () => {
    r = receiver();
    r.start();
    await vi.waitFor(() => expect(claims).toHaveLength(1));
    r.wake(); // a job was committed after the running claim read the queue
    claims.shift()!(null);
    await vi.waitFor(() => expect(claims).toHaveLength(1), { timeout: 5_000 });
  });

  it("sleeps until the poll when nothing woke it", async () => {
    r = receiver();
    r.start();
    await vi.waitFor(() => expect(claims).toHaveLength(1));
    claims.shift()!(null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(claims).toHaveLength(0);
    r.wake();
    await vi.waitFor(() => expect(claims).toHaveLength(1));
  });
});
