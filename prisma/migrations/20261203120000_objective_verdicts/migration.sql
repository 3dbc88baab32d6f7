-- AlterTable
ALTER TABLE "DossierLegalEntity" ADD COLUMN     "objectiveVerdicts" JSONB;

