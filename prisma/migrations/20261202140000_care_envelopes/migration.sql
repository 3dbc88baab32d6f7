-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'CARE_ENVELOPE_CSV';

-- CreateTable
CREATE TABLE "CareEnvelope" (
    "legalEntityFiness" VARCHAR(9) NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "importRunId" TEXT,
    "reason" TEXT,
    "setById" TEXT,
    "setAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CareEnvelope_pkey" PRIMARY KEY ("legalEntityFiness")
);

-- AddForeignKey
ALTER TABLE "CareEnvelope" ADD CONSTRAINT "CareEnvelope_legalEntityFiness_fkey" FOREIGN KEY ("legalEntityFiness") REFERENCES "LegalEntity"("finess") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "CareEnvelope" ADD CONSTRAINT "CareEnvelope_amount_nonnegative" CHECK ("amountCents" >= 0);
