import { formatCalendarDate } from "@/lib/clock/paris-date";
import { GUICHET_PHASE_LABELS, type GuichetPhase } from "@/lib/guichets/guichet-state";
import type { GuichetView } from "@/lib/guichets/guichets";
import { GUICHET_KIND_LABELS, PROGRAMME_LABELS } from "@/lib/guichets/labels";

const PHASE_STYLES: Record<GuichetPhase, string> = {
  upcoming: "bg-bleu-clair text-bleu-france",
  open: "bg-green-100 text-succes",
  instruction: "bg-orange-100 text-avertissement",
  finished: "bg-fond-alt text-gris-texte",
};

export function GuichetPhaseBadge({ phase }: { phase: GuichetPhase }) {
  return <span className={`inline-block px-2 py-0.5 text-sm font-semibold ${PHASE_STYLES[phase]}`}>{GUICHET_PHASE_LABELS[phase]}</span>;
}

export function GuichetTable({ guichets, caption }: { guichets: GuichetView[]; caption: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left text-lg font-bold">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-gris-texte">
            <th scope="col" className="py-2 pr-4">Guichet</th>
            <th scope="col" className="py-2 pr-4">Programme</th>
            <th scope="col" className="py-2 pr-4">Ouverture</th>
            <th scope="col" className="py-2 pr-4">Clôture des dépôts</th>
            <th scope="col" className="py-2 pr-4">Fin de l&apos;instruction</th>
            <th scope="col" className="py-2">État</th>
          </tr>
        </thead>
        <tbody>
          {guichets.map((guichet) => (
            <tr key={guichet.id} className="border-b border-gris-bordure align-top">
              <th scope="row" className="py-2 pr-4 font-semibold">
                {guichet.label}
                <span className="block text-xs font-normal">{GUICHET_KIND_LABELS[guichet.kind]}</span>
              </th>
              <td className="py-2 pr-4">{PROGRAMME_LABELS[guichet.programme]}</td>
              <td className="py-2 pr-4">{formatCalendarDate(guichet.opensOn)}</td>
              <td className="py-2 pr-4">{formatCalendarDate(guichet.closesOn)}</td>
              <td className="py-2 pr-4">{formatCalendarDate(guichet.instructionEndsOn)}</td>
              <td className="py-2">
                <GuichetPhaseBadge phase={guichet.phase} />
                {guichet.phase === "open" && (
                  <span className="block text-xs">
                    {guichet.daysLeft} jour{guichet.daysLeft > 1 ? "s" : ""} restant{guichet.daysLeft > 1 ? "s" : ""}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
