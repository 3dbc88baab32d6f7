-- CreateEnum
CREATE TYPE "SelfAssessmentStatus" AS ENUM ('DRAFT', 'VALIDATED');

-- CreateEnum
CREATE TYPE "DossierStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'ACCEPTED', 'REFUSED');

-- CreateEnum
CREATE TYPE "DossierDocumentKind" AS ENUM ('GHT_MANDATE', 'NOTE_DE_CADRAGE', 'EXPENSE_ATTESTATION', 'OBJECTIVE_PROOF');

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "mediaType" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Questionnaire" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Questionnaire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SelfAssessment" (
    "id" TEXT NOT NULL,
    "legalEntityFiness" VARCHAR(9) NOT NULL,
    "questionnaireId" TEXT NOT NULL,
    "status" "SelfAssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "nru" TEXT,
    "answers" JSONB NOT NULL DEFAULT '{}',
    "scores" JSONB,
    "version" INTEGER NOT NULL DEFAULT 0,
    "duplicatedFromId" TEXT,
    "createdById" TEXT NOT NULL,
    "validatedById" TEXT,
    "validatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SelfAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Dossier" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "guichetId" TEXT NOT NULL,
    "carrierFiness" VARCHAR(9) NOT NULL,
    "status" "DossierStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 0,
    "data" JSONB NOT NULL DEFAULT '{}',
    "completedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Dossier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierLegalEntity" (
    "dossierId" TEXT NOT NULL,
    "guichetId" TEXT NOT NULL,
    "legalEntityFiness" VARCHAR(9) NOT NULL,
    "selfAssessmentId" TEXT,
    "expensesInternalHrCents" BIGINT,
    "expensesExternalCents" BIGINT,
    "expensesPublisherCents" BIGINT,
    "mandatoryObjectiveMet" BOOLEAN,
    "objectivesReached" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "requestedCents" BIGINT,
    "decidedCents" BIGINT,

    CONSTRAINT "DossierLegalEntity_pkey" PRIMARY KEY ("dossierId","legalEntityFiness")
);

-- CreateTable
CREATE TABLE "DossierDocument" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "kind" "DossierDocumentKind" NOT NULL,
    "objectiveCode" TEXT,
    "fileId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DossierDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierDocumentLegalEntity" (
    "documentId" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "legalEntityFiness" VARCHAR(9) NOT NULL,

    CONSTRAINT "DossierDocumentLegalEntity_pkey" PRIMARY KEY ("documentId","legalEntityFiness")
);

-- CreateTable
CREATE TABLE "DossierSubmission" (
    "id" TEXT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedById" TEXT NOT NULL,
    "snapshot" JSONB NOT NULL,

    CONSTRAINT "DossierSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierEvent" (
    "id" BIGSERIAL NOT NULL,
    "dossierId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "type" TEXT NOT NULL,
    "fromStatus" "DossierStatus",
    "toStatus" "DossierStatus",
    "message" TEXT,
    "details" JSONB,

    CONSTRAINT "DossierEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_storageKey_key" ON "StoredFile"("storageKey");

-- CreateIndex
CREATE INDEX "StoredFile_uploadedById_idx" ON "StoredFile"("uploadedById");

-- CreateIndex
CREATE UNIQUE INDEX "SelfAssessment_nru_key" ON "SelfAssessment"("nru");

-- CreateIndex
CREATE INDEX "SelfAssessment_legalEntityFiness_status_idx" ON "SelfAssessment"("legalEntityFiness", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_number_key" ON "Dossier"("number");

-- CreateIndex
CREATE INDEX "Dossier_status_idx" ON "Dossier"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Dossier_guichetId_carrierFiness_key" ON "Dossier"("guichetId", "carrierFiness");

-- CreateIndex
CREATE UNIQUE INDEX "DossierLegalEntity_guichetId_legalEntityFiness_key" ON "DossierLegalEntity"("guichetId", "legalEntityFiness");

-- CreateIndex
CREATE INDEX "DossierDocument_dossierId_kind_idx" ON "DossierDocument"("dossierId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "DossierSubmission_dossierId_sequence_key" ON "DossierSubmission"("dossierId", "sequence");

-- CreateIndex
CREATE INDEX "DossierEvent_dossierId_at_idx" ON "DossierEvent"("dossierId", "at");

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_legalEntityFiness_fkey" FOREIGN KEY ("legalEntityFiness") REFERENCES "LegalEntity"("finess") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SelfAssessment" ADD CONSTRAINT "SelfAssessment_questionnaireId_fkey" FOREIGN KEY ("questionnaireId") REFERENCES "Questionnaire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_guichetId_fkey" FOREIGN KEY ("guichetId") REFERENCES "Guichet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_carrierFiness_fkey" FOREIGN KEY ("carrierFiness") REFERENCES "LegalEntity"("finess") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Dossier" ADD CONSTRAINT "Dossier_completedById_fkey" FOREIGN KEY ("completedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierLegalEntity" ADD CONSTRAINT "DossierLegalEntity_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierLegalEntity" ADD CONSTRAINT "DossierLegalEntity_legalEntityFiness_fkey" FOREIGN KEY ("legalEntityFiness") REFERENCES "LegalEntity"("finess") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierLegalEntity" ADD CONSTRAINT "DossierLegalEntity_selfAssessmentId_fkey" FOREIGN KEY ("selfAssessmentId") REFERENCES "SelfAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierDocument" ADD CONSTRAINT "DossierDocument_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierDocument" ADD CONSTRAINT "DossierDocument_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierDocumentLegalEntity" ADD CONSTRAINT "DossierDocumentLegalEntity_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "DossierDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierDocumentLegalEntity" ADD CONSTRAINT "DossierDocumentLegalEntity_dossierId_legalEntityFiness_fkey" FOREIGN KEY ("dossierId", "legalEntityFiness") REFERENCES "DossierLegalEntity"("dossierId", "legalEntityFiness") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierSubmission" ADD CONSTRAINT "DossierSubmission_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierEvent" ADD CONSTRAINT "DossierEvent_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Numbers shown to users (dossier numbers, NRU) come from sequences: unique and gap-tolerant under concurrency.
CREATE SEQUENCE "dossier_number_seq";
CREATE SEQUENCE "self_assessment_nru_seq";
