-- AlterTable
ALTER TABLE "SlaPolicy" ADD COLUMN     "policyText" TEXT;
