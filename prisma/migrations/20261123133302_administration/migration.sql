-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('FINESS_STRUCTUREET', 'FINESS_FLAT_CSV', 'SAE_SYGEN', 'COMBINED_ACTIVITY_CSV', 'COMBINED_ACTIVITY_SAE_ESTIMATE');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateTable
CREATE TABLE "GuichetDerogation" (
    "id" TEXT NOT NULL,
    "guichetId" TEXT NOT NULL,
    "regionCode" VARCHAR(2),
    "legalEntityFiness" VARCHAR(9),
    "closesOn" DATE NOT NULL,
    "instructionEndsOn" DATE,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "GuichetDerogation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "startedById" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "status" "ImportStatus" NOT NULL DEFAULT 'RUNNING',
    "counts" JSONB NOT NULL DEFAULT '{}',
    "rejects" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordSetToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordSetToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GuichetDerogation_guichetId_idx" ON "GuichetDerogation"("guichetId");

-- CreateIndex
CREATE INDEX "ImportRun_kind_startedAt_idx" ON "ImportRun"("kind", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordSetToken_tokenHash_key" ON "PasswordSetToken"("tokenHash");

-- AddForeignKey
ALTER TABLE "GuichetDerogation" ADD CONSTRAINT "GuichetDerogation_guichetId_fkey" FOREIGN KEY ("guichetId") REFERENCES "Guichet"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordSetToken" ADD CONSTRAINT "PasswordSetToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
