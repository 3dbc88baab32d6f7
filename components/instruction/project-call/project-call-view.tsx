import type { ProjectCallReview } from "@/lib/dossiers/kinds/project-call/review";
import { ProjectPlan, ProjectTheme } from "./project-content";
import { ProjectDocuments } from "./project-documents";
import { ProjectEligibility } from "./project-eligibility";
import { ProjectPerimeter } from "./project-perimeter";
import { ProjectTeam } from "./project-team";

/** The project as last transmitted, read-only: what the ARS grades. */
export function ProjectCallView({ review }: { review: ProjectCallReview }) {
  return (
    <>
      <ProjectPerimeter review={review} />
      <ProjectTheme theme={review.theme} objectives={review.objectives} />
      <ProjectEligibility eligibility={review.eligibility} />
      <ProjectTeam responsible={review.responsible} team={review.team} />
      <ProjectPlan review={review} />
      <ProjectDocuments review={review} />
    </>
  );
}
