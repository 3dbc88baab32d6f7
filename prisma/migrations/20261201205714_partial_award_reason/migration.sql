-- AlterTable
ALTER TABLE "DossierLegalEntity" ADD COLUMN     "decisionCapCents" BIGINT,
ADD COLUMN     "partialAwardReason" TEXT;
