-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_GradingJob" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "submissionId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 3,
    "claimedBy" TEXT,
    "claimedAt" DATETIME,
    "heartbeatAt" DATETIME,
    "runAfter" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "seed" TEXT,
    "outcome" TEXT,
    "score" REAL,
    "maxScore" REAL,
    "timings" TEXT,
    "error" TEXT,
    "errorFeedback" TEXT,
    "diagnoses" TEXT,
    "enqueuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fairAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "GradingJob_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Jobs queued before this migration keep their order: their turn is when they were queued.
INSERT INTO "new_GradingJob" ("attempts", "claimedAt", "claimedBy", "enqueuedAt", "fairAt", "error", "errorFeedback", "diagnoses", "finishedAt", "heartbeatAt", "id", "maxAttempts", "maxScore", "outcome", "runAfter", "score", "seed", "startedAt", "status", "submissionId", "timings") SELECT "attempts", "claimedAt", "claimedBy", "enqueuedAt", "enqueuedAt", "error", "errorFeedback", "diagnoses", "finishedAt", "heartbeatAt", "id", "maxAttempts", "maxScore", "outcome", "runAfter", "score", "seed", "startedAt", "status", "submissionId", "timings" FROM "GradingJob";
DROP TABLE "GradingJob";
ALTER TABLE "new_GradingJob" RENAME TO "GradingJob";
CREATE UNIQUE INDEX "GradingJob_submissionId_key" ON "GradingJob"("submissionId");
CREATE INDEX "GradingJob_status_runAfter_idx" ON "GradingJob"("status", "runAfter");
CREATE INDEX "GradingJob_status_heartbeatAt_idx" ON "GradingJob"("status", "heartbeatAt");
CREATE INDEX "GradingJob_status_fairAt_idx" ON "GradingJob"("status", "fairAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

