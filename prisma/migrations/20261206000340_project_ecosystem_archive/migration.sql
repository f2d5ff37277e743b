-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "ecosystem" TEXT NOT NULL DEFAULT 'npm';
