-- AlterTable
ALTER TABLE "GradingJob" ADD COLUMN     "fairAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Jobs queued before this migration keep their order: their turn is when they were queued.
UPDATE "GradingJob" SET "fairAt" = "enqueuedAt";

-- CreateIndex
CREATE INDEX "GradingJob_status_fairAt_idx" ON "GradingJob"("status", "fairAt");

