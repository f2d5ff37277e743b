-- AlterEnum
ALTER TYPE "OutboxStatus" ADD VALUE 'CANCELLED';
