import { fr } from "@codegouvfr/react-dsfr";
import type { ReactNode } from "react";

/**
 * DSFR's error-page template (« Page d'erreur »): heading, error code, the explanation, what to
 * do next as buttons, and a decorative pictogram beside them on wide screens.
 */
export function ErrorPageLayout({
  title,
  code,
  lead,
  children,
  actions,
  pictogram,
}: {
  title: string;
  code: string;
  lead: string;
  children?: ReactNode;
  actions: ReactNode;
  pictogram: ReactNode;
}) {
  return (
    <div className={fr.cx("fr-grid-row", "fr-grid-row--gutters", "fr-grid-row--middle", "fr-grid-row--center", "fr-my-4w")}>
      <div className={fr.cx("fr-col-12", "fr-col-md-6")}>
        <h1>{title}</h1>
        <p className={fr.cx("fr-text--sm", "fr-mb-3w")}>{code}</p>
        <p className={fr.cx("fr-text--lead", "fr-mb-3w")}>{lead}</p>
        {children}
        {actions}
      </div>
      <div className={fr.cx("fr-col-12", "fr-col-md-3", "fr-col-offset-md-1", "fr-hidden", "fr-unhidden-md")}>{pictogram}</div>
    </div>
  );
}
