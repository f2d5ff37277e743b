-- AlterEnum
ALTER TYPE "InboundStatus" ADD VALUE 'FAILED';

-- DropIndex
DROP INDEX "InboundMessage_messageId_key";

-- AlterTable
ALTER TABLE "InboundMessage" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "rawSha256" TEXT,
ADD COLUMN     "reusedMessageId" BOOLEAN NOT NULL DEFAULT false;

-- Backfill: the hash of each stored message (the earliest copy of identical bytes only)
UPDATE "InboundMessage" m SET "rawSha256" = h.hash
FROM (
  SELECT DISTINCT ON (encode(sha256("raw"), 'hex')) "id", encode(sha256("raw"), 'hex') AS hash
  FROM "InboundMessage" ORDER BY encode(sha256("raw"), 'hex'), "receivedAt", "id"
) h
WHERE m."id" = h."id";

-- CreateIndex
CREATE UNIQUE INDEX "InboundMessage_rawSha256_key" ON "InboundMessage"("rawSha256");

-- CreateIndex
CREATE INDEX "InboundMessage_messageId_idx" ON "InboundMessage"("messageId");
