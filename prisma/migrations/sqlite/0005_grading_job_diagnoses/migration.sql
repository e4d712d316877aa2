-- AlterTable
ALTER TABLE "GradingJob" ADD COLUMN "diagnoses" TEXT;

