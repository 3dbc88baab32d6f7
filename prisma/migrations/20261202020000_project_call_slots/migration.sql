-- CreateTable
CREATE TABLE "ProjectCallSlot" (
    "guichetId" TEXT NOT NULL,
    "finessPmsi" VARCHAR(9) NOT NULL,
    "slot" SMALLINT NOT NULL,
    "dossierId" TEXT NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectCallSlot_pkey" PRIMARY KEY ("guichetId","finessPmsi","slot")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProjectCallSlot_dossierId_finessPmsi_key" ON "ProjectCallSlot"("dossierId", "finessPmsi");

-- AddForeignKey
ALTER TABLE "ProjectCallSlot" ADD CONSTRAINT "ProjectCallSlot_guichetId_fkey" FOREIGN KEY ("guichetId") REFERENCES "Guichet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectCallSlot" ADD CONSTRAINT "ProjectCallSlot_dossierId_fkey" FOREIGN KEY ("dossierId") REFERENCES "Dossier"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Source 001: two projects per FINESS PMSI, so two slots (lib/dossiers/kinds/project-call/project-limit.ts).
ALTER TABLE "ProjectCallSlot" ADD CONSTRAINT "ProjectCallSlot_slot_check" CHECK ("slot" BETWEEN 1 AND 2);
