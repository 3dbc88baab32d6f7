"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createAction } from "@/lib/actions/create-action";
import { demoClock, setDemoDate } from "@/lib/clock";
import { InvalidStateError } from "@/lib/errors";

const demoDateSchema = z.object({
  // "2026-02-01T10:00" from <input type="datetime-local">, read as Paris time.
  localDateTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Saisissez une date et une heure."),
});

/** Demo mode only: an admin moves the simulated date, e.g. back into the candidature window. */
export const changeDemoDate = createAction({ roles: ["DNS_ADMIN"], schema: demoDateSchema }, async ({ localDateTime }, { user, db }) => {
  if (!demoClock()) throw new InvalidStateError("La date ne peut être modifiée qu'en mode démonstration.");
  const instant = parisLocalToInstant(localDateTime);
  setDemoDate(instant);
  await db.auditEvent.create({ data: { actorId: user.id, actorRole: user.role, action: "demo.clock.set", details: { localDateTime } } });
  revalidatePath("/", "layout");
  return { instant: instant.toISOString() };
});

/** Paris wall-clock time → instant (tries both possible offsets, keeps the one that round-trips). */
function parisLocalToInstant(local: string): Date {
  for (const offset of ["+01:00", "+02:00"]) {
    const candidate = new Date(`${local}:00${offset}`);
    const shown = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
      .format(candidate)
      .replace(" ", "T");
    if (shown === local) return candidate;
  }
  return new Date(`${local}:00+01:00`);
}
