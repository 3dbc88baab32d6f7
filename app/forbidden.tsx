import { fr } from "@codegouvfr/react-dsfr";
import { Button } from "@codegouvfr/react-dsfr/Button";
import Avatar from "@codegouvfr/react-dsfr/picto/Avatar";
import { ErrorPageLayout } from "@/components/public/error-page-layout";

export default function Forbidden() {
  return (
    <ErrorPageLayout
      title="Accès refusé"
      code="Erreur 403"
      lead="Votre compte ne vous permet pas d'accéder à cette page."
      pictogram={<Avatar fontSize="15rem" />}
      actions={
        <ul className={fr.cx("fr-btns-group", "fr-btns-group--inline-md")}>
          <li>
            <Button linkProps={{ href: "/espace" }}>Retourner à mon espace</Button>
          </li>
        </ul>
      }
    >
      <p className={fr.cx("fr-text--sm", "fr-mb-5w")}>
        Elle concerne un autre établissement, une autre région ou un autre rôle. Si vous pensez devoir y accéder, demandez à l&apos;administration
        du programme de vérifier les droits de votre compte.
      </p>
    </ErrorPageLayout>
  );
}
