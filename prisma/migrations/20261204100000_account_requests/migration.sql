-- CreateEnum
CREATE TYPE "AccountRequestStatus" AS ENUM ('EMAIL_PENDING', 'PENDING_APPROVAL', 'APPROVED', 'REFUSED', 'EXPIRED');

-- AlterTable
ALTER TABLE "LegalEntity" ADD COLUMN     "closedOn" DATE;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "jobTitle" TEXT;

-- CreateTable
CREATE TABLE "AccountRequest" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL,
    "legalEntityFiness" VARCHAR(9) NOT NULL,
    "requestedFiness" VARCHAR(9) NOT NULL,
    "status" "AccountRequestStatus" NOT NULL,
    "openKey" TEXT,
    "emailTokenHash" CHAR(64),
    "emailTokenExpiresAt" TIMESTAMP(3),
    "emailConfirmedAt" TIMESTAMP(3),
    "invitedById" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "refusalReason" TEXT,
    "userId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccountRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountRequest_openKey_key" ON "AccountRequest"("openKey");

-- CreateIndex
CREATE UNIQUE INDEX "AccountRequest_emailTokenHash_key" ON "AccountRequest"("emailTokenHash");

-- CreateIndex
CREATE INDEX "AccountRequest_legalEntityFiness_status_idx" ON "AccountRequest"("legalEntityFiness", "status");

-- CreateIndex
CREATE INDEX "AccountRequest_status_idx" ON "AccountRequest"("status");

-- AddForeignKey
ALTER TABLE "AccountRequest" ADD CONSTRAINT "AccountRequest_legalEntityFiness_fkey" FOREIGN KEY ("legalEntityFiness") REFERENCES "LegalEntity"("finess") ON DELETE CASCADE ON UPDATE CASCADE;

