-- AlterTable
ALTER TABLE "GradingJob" ADD COLUMN "errorFeedback" TEXT;

-- AlterTable
ALTER TABLE "TestResult" ADD COLUMN "feedback" TEXT;

