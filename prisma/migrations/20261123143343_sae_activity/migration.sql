-- CreateEnum
CREATE TYPE "SaeBordereau" AS ENUM ('MCO', 'SSR', 'PSY', 'HAD', 'USLD');

-- CreateTable
CREATE TABLE "SaeActivity" (
    "siteFiness" VARCHAR(9) NOT NULL,
    "year" INTEGER NOT NULL,
    "bordereau" "SaeBordereau" NOT NULL,
    "mcoDays" INTEGER NOT NULL DEFAULT 0,
    "mcoSessions" INTEGER NOT NULL DEFAULT 0,
    "ambulatorySurgeryStays" INTEGER NOT NULL DEFAULT 0,
    "otherDayHospitalStays" INTEGER NOT NULL DEFAULT 0,
    "smrDays" INTEGER NOT NULL DEFAULT 0,
    "psyDays" INTEGER NOT NULL DEFAULT 0,
    "hadDays" INTEGER NOT NULL DEFAULT 0,
    "usldDays" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SaeActivity_pkey" PRIMARY KEY ("siteFiness","year","bordereau")
);

-- CreateIndex
CREATE INDEX "SaeActivity_year_idx" ON "SaeActivity"("year");

-- AddForeignKey
ALTER TABLE "SaeActivity" ADD CONSTRAINT "SaeActivity_siteFiness_fkey" FOREIGN KEY ("siteFiness") REFERENCES "Site"("finess") ON DELETE CASCADE ON UPDATE CASCADE;
