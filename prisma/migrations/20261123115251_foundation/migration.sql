-- CreateEnum
CREATE TYPE "LegalStatus" AS ENUM ('PUBLIC', 'PRIVATE_NON_PROFIT', 'PRIVATE_FOR_PROFIT');

-- CreateEnum
CREATE TYPE "Programme" AS ENUM ('HOSPICONNECT_HOPEN2', 'AAP_HOPEN2', 'HOSPICONNECT_CARE');

-- CreateEnum
CREATE TYPE "GuichetKind" AS ENUM ('CANDIDATURE', 'MILESTONE_DEPOSIT', 'PROJECT_CALL');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ESTABLISHMENT_REFERENT', 'ARS_INSTRUCTOR', 'DNS_ADMIN');

-- CreateTable
CREATE TABLE "Region" (
    "code" VARCHAR(2) NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Region_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "LegalEntity" (
    "finess" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "legalStatus" "LegalStatus" NOT NULL,
    "category" VARCHAR(4) NOT NULL,
    "categoryLabel" TEXT,
    "regionCode" VARCHAR(2) NOT NULL,
    "ghtId" TEXT,
    "isDialysisCentre" BOOLEAN NOT NULL DEFAULT false,
    "receivedSunEsPayments" BOOLEAN NOT NULL DEFAULT false,
    "receivedPhase1Payments" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalEntity_pkey" PRIMARY KEY ("finess")
);

-- CreateTable
CREATE TABLE "Site" (
    "finess" VARCHAR(9) NOT NULL,
    "name" TEXT NOT NULL,
    "category" VARCHAR(3) NOT NULL,
    "categoryLabel" TEXT,
    "legalEntityFiness" VARCHAR(9) NOT NULL,
    "postalCode" VARCHAR(5),
    "city" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("finess")
);

-- CreateTable
CREATE TABLE "Ght" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" VARCHAR(2) NOT NULL,
    "supportFiness" VARCHAR(9) NOT NULL,

    CONSTRAINT "Ght_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SaeStaffCount" (
    "siteFiness" VARCHAR(9) NOT NULL,
    "year" INTEGER NOT NULL,
    "salaried" INTEGER NOT NULL,
    "liberal" INTEGER NOT NULL,

    CONSTRAINT "SaeStaffCount_pkey" PRIMARY KEY ("siteFiness","year")
);

-- CreateTable
CREATE TABLE "CombinedActivity" (
    "finessPmsi" VARCHAR(9) NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(14,1) NOT NULL,
    "isEstimate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CombinedActivity_pkey" PRIMARY KEY ("finessPmsi","year")
);

-- CreateTable
CREATE TABLE "Guichet" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "programme" "Programme" NOT NULL,
    "kind" "GuichetKind" NOT NULL,
    "year" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "opensOn" DATE NOT NULL,
    "closesOn" DATE NOT NULL,
    "instructionEndsOn" DATE NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Guichet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "regionCode" VARCHAR(2),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "failedSignIns" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferentLink" (
    "userId" TEXT NOT NULL,
    "legalEntityFiness" VARCHAR(9) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferentLink_pkey" PRIMARY KEY ("userId","legalEntityFiness")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "subject" TEXT,
    "details" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LegalEntity_regionCode_idx" ON "LegalEntity"("regionCode");

-- CreateIndex
CREATE INDEX "LegalEntity_ghtId_idx" ON "LegalEntity"("ghtId");

-- CreateIndex
CREATE INDEX "Site_legalEntityFiness_idx" ON "Site"("legalEntityFiness");

-- CreateIndex
CREATE UNIQUE INDEX "Ght_code_key" ON "Ght"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Ght_supportFiness_key" ON "Ght"("supportFiness");

-- CreateIndex
CREATE UNIQUE INDEX "Guichet_code_key" ON "Guichet"("code");

-- CreateIndex
CREATE INDEX "Guichet_programme_year_idx" ON "Guichet"("programme", "year");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "ReferentLink_legalEntityFiness_idx" ON "ReferentLink"("legalEntityFiness");

-- CreateIndex
CREATE INDEX "AuditEvent_subject_idx" ON "AuditEvent"("subject");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");

-- AddForeignKey
ALTER TABLE "LegalEntity" ADD CONSTRAINT "LegalEntity_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LegalEntity" ADD CONSTRAINT "LegalEntity_ghtId_fkey" FOREIGN KEY ("ghtId") REFERENCES "Ght"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Site" ADD CONSTRAINT "Site_legalEntityFiness_fkey" FOREIGN KEY ("legalEntityFiness") REFERENCES "LegalEntity"("finess") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ght" ADD CONSTRAINT "Ght_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ght" ADD CONSTRAINT "Ght_supportFiness_fkey" FOREIGN KEY ("supportFiness") REFERENCES "LegalEntity"("finess") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SaeStaffCount" ADD CONSTRAINT "SaeStaffCount_siteFiness_fkey" FOREIGN KEY ("siteFiness") REFERENCES "Site"("finess") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region"("code") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentLink" ADD CONSTRAINT "ReferentLink_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferentLink" ADD CONSTRAINT "ReferentLink_legalEntityFiness_fkey" FOREIGN KEY ("legalEntityFiness") REFERENCES "LegalEntity"("finess") ON DELETE CASCADE ON UPDATE CASCADE;
