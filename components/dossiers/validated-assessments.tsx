import Link from "next/link";

/**
 * Beside an EJ's NRU field: the NRUs of its validated self-assessments, offered to the field
 * (`<datalist id="nru-<FINESS>">`, which the input names in `list`), and said in a sentence.
 */
export function ValidatedAssessments({ finess, assessments }: { finess: string; assessments: readonly { nru: string; validatedOn: string }[] }) {
  const day = (date: string) => date.split("-").reverse().join("/");
  return (
    <>
      <datalist id={`nru-${finess}`}>
        {assessments.map((assessment) => (
          <option key={assessment.nru} value={assessment.nru}>
            Validée le {day(assessment.validatedOn)}
          </option>
        ))}
      </datalist>
      <p className="fr-text--sm">
        {assessments.length === 0
          ? "Aucune autoévaluation validée pour cette EJ. "
          : `Autoévaluations validées : ${assessments.map((assessment) => `${assessment.nru} (le ${day(assessment.validatedOn)})`).join(", ")}. `}
        <Link href="/etablissement/autoevaluations">Gérer les autoévaluations</Link>
      </p>
    </>
  );
}
