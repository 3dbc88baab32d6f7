-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DossierStatus" ADD VALUE 'PROOF_SUBMITTED';
ALTER TYPE "DossierStatus" ADD VALUE 'PROOF_CHANGES_REQUESTED';
ALTER TYPE "DossierStatus" ADD VALUE 'OBJECTIVES_VALIDATED';
ALTER TYPE "DossierStatus" ADD VALUE 'OBJECTIVES_NOT_MET';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "DossierDocumentKind" ADD VALUE 'GHT_VALIDATION';
ALTER TYPE "DossierDocumentKind" ADD VALUE 'PARTNER_COMMITMENT';
ALTER TYPE "DossierDocumentKind" ADD VALUE 'TARGET_PROOF';

-- DropIndex
DROP INDEX "Dossier_guichetId_carrierFiness_key";

-- AlterTable
ALTER TABLE "LegalEntity" ALTER COLUMN "receivedSunEsPayments" DROP NOT NULL,
ALTER COLUMN "receivedSunEsPayments" DROP DEFAULT,
ALTER COLUMN "receivedPhase1Payments" DROP NOT NULL,
ALTER COLUMN "receivedPhase1Payments" DROP DEFAULT;

-- AlterTable
ALTER TABLE "Guichet" ADD COLUMN     "proofClosesOn" DATE,
ADD COLUMN     "proofOpensOn" DATE;

-- AlterTable
ALTER TABLE "Dossier" ADD COLUMN     "carrierSlot" SMALLINT NOT NULL DEFAULT 1,
ADD COLUMN     "selection" JSONB;

-- AlterTable
ALTER TABLE "DossierLegalEntity" ALTER COLUMN "guichetId" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_guichetId_carrierFiness_carrierSlot_key" ON "Dossier"("guichetId", "carrierFiness", "carrierSlot");

