-- AlterTable
ALTER TABLE "LessonProgress" ADD COLUMN     "quizAnswers" TEXT NOT NULL DEFAULT '{}';

