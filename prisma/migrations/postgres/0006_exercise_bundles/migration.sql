-- AlterTable
ALTER TABLE "Exercise" ADD COLUMN     "courseId" TEXT;

-- AlterTable
ALTER TABLE "ExerciseVersion" ADD COLUMN     "bundle" TEXT,
ADD COLUMN     "publicFixtures" TEXT;

-- AddForeignKey
ALTER TABLE "Exercise" ADD CONSTRAINT "Exercise_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course"("id") ON DELETE CASCADE ON UPDATE CASCADE;

