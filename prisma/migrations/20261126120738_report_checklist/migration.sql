-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "checklist" TEXT[] DEFAULT ARRAY[]::TEXT[];
