import type { Db } from "@course/db";

/**
 * Queued rows whose back-off has passed, oldest first (the BullMQ dispatcher's input).
 * (A candidate for packages/db's jobs repository.)
 */
export function listRunnableJobs(db: Db, now = new Date(), take = 500): Promise<{ id: string; attempts: number }[]> {
  return db.gradingJob.findMany({
    where: { status: "queued", runAfter: { lte: now } },
    orderBy: [{ enqueuedAt: "asc" }, { id: "asc" }],
    select: { id: true, attempts: true },
    take,
  });
}
