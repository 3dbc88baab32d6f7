import { finessPmsi, type LegalStatus } from "@/lib/funding/finess-rules";

/*
 * Source 001: « Un établissement (FINESS PMSI) ne peut pas candidater, en tant que porteur de projet
 * ou partie prenante, à plus de deux projets. » PURE: the service counts the other projects of the
 * guichet per FINESS PMSI (under a lock, later), this decides.
 *
 * What counts as one of the two projects: a project transmitted to the ARS and not refused
 * (SUBMITTED, CHANGES_REQUESTED, ACCEPTED — see COUNTED_PROJECT_STATUSES).
 * - A draft does not count: « candidater » is transmitting a dossier; an abandoned draft must not
 *   block a real project, and the limit is checked again, with the current counts, at each submission.
 * - A refused project does not count: the rule limits the projects an establishment takes part in,
 *   and a refused one is no longer a project. The source's calendar puts the ARS selection after the
 *   guichet closes (29 May), so a refusal while the guichet is still open is rare anyway.
 */
export const MAX_PROJECTS_PER_FINESS_PMSI = 2;

export const COUNTED_PROJECT_STATUSES = ["SUBMITTED", "CHANGES_REQUESTED", "ACCEPTED"] as const;

/** One EG of a project's perimeter, with what its FINESS PMSI depends on (source 002 annex 2). */
export interface PerimeterSiteFacts {
  siteFiness: string;
  legalEntityFiness: string;
  legalStatus: LegalStatus;
  isDialysisCentre: boolean;
}

/**
 * The distinct FINESS PMSI a perimeter involves, in perimeter order: a public EJ or a dialysis centre
 * counts once however many of its EG are in the perimeter; a private EG counts on its own.
 */
export function perimeterFinessPmsi(sites: readonly PerimeterSiteFacts[]): string[] {
  const seen = new Set<string>();
  for (const site of sites) {
    seen.add(finessPmsi({ legalStatus: site.legalStatus, isDialysisCentre: site.isDialysisCentre, finessEj: site.legalEntityFiness, finessEg: site.siteFiness }).finess);
  }
  return [...seen];
}

export interface ProjectLimitOffence {
  finessPmsi: string;
  /** Projects of the guichet counted for this FINESS PMSI, this one excluded. */
  otherProjects: number;
  message: string;
}

/**
 * The FINESS PMSI of this project (the porteur's and every party's) that would take part in more
 * than two projects with this one. `otherProjectCounts` holds, per FINESS PMSI, the OTHER projects of
 * the guichet in a counted status (a missing key is 0); `names` names each FINESS PMSI in the message.
 */
export function projectLimitOffences(input: {
  finessPmsi: readonly string[];
  otherProjectCounts: Readonly<Record<string, number>>;
  names?: Readonly<Record<string, string>>;
}): ProjectLimitOffence[] {
  const offences: ProjectLimitOffence[] = [];
  for (const finess of new Set(input.finessPmsi)) {
    const otherProjects = input.otherProjectCounts[finess] ?? 0;
    if (!Number.isInteger(otherProjects) || otherProjects < 0) throw new RangeError(`project count of ${finess} must be a whole number ≥ 0, got ${otherProjects}`);
    if (otherProjects + 1 > MAX_PROJECTS_PER_FINESS_PMSI) {
      const who = input.names?.[finess] ? `${input.names[finess]} (FINESS PMSI ${finess})` : `L'établissement de FINESS PMSI ${finess}`;
      offences.push({
        finessPmsi: finess,
        otherProjects,
        message: `${who} participe déjà à ${otherProjects} projets transmis sur cet appel à projets, comme porteur ou partie prenante : un établissement ne peut candidater à plus de ${MAX_PROJECTS_PER_FINESS_PMSI} projets.`,
      });
    }
  }
  return offences;
}
