-- AlterTable
ALTER TABLE "ImportRun" ADD COLUMN     "notices" JSONB NOT NULL DEFAULT '[]';

-- CreateTable
CREATE TABLE "SaeUnlistedStaffCount" (
    "siteFiness" VARCHAR(9) NOT NULL,
    "legalEntityFiness" VARCHAR(9) NOT NULL,
    "year" INTEGER NOT NULL,
    "salaried" INTEGER NOT NULL,
    "liberal" INTEGER NOT NULL,

    CONSTRAINT "SaeUnlistedStaffCount_pkey" PRIMARY KEY ("siteFiness","year")
);

-- CreateIndex
CREATE INDEX "SaeUnlistedStaffCount_legalEntityFiness_idx" ON "SaeUnlistedStaffCount"("legalEntityFiness");

-- AddForeignKey
ALTER TABLE "SaeUnlistedStaffCount" ADD CONSTRAINT "SaeUnlistedStaffCount_legalEntityFiness_fkey" FOREIGN KEY ("legalEntityFiness") REFERENCES "LegalEntity"("finess") ON DELETE CASCADE ON UPDATE CASCADE;

