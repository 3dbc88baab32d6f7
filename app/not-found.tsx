import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import Search from "@codegouvfr/react-dsfr/picto/Search";
import { ErrorPageLayout } from "@/components/public/error-page-layout";

export default function NotFound() {
  return (
    <ErrorPageLayout
      title="Page introuvable"
      code="Erreur 404"
      lead="La page demandée n'existe pas ou n'existe plus."
      pictogram={<Search fontSize="15rem" />}
      actions={
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Button linkProps={{ href: "/" }}>Retourner à l&apos;accueil</Button>
          </li>
          <li>
            <Button priority="secondary" linkProps={{ href: "/plan-du-site" }}>
              Consulter le plan du site
            </Button>
          </li>
        </ul>
      }
    >
      <p className={fr.cx("fr-text--sm", "fr-mb-5w")}>
        Vérifiez l&apos;adresse saisie ou le numéro FINESS qu&apos;elle contient. Si vous avez suivi un lien du portail, il a peut-être été
        déplacé.
      </p>
    </ErrorPageLayout>
  );
}
