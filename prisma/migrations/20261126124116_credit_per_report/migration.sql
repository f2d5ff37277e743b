-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "creditName" TEXT,
ADD COLUMN     "creditPreference" "CreditPreference" NOT NULL DEFAULT 'NAME';
