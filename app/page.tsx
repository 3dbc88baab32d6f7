import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";

export default async function HomePage() {
  const user = await getCurrentUser();
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Guichet HospiConnect</h1>
      <p className="text-lg">
        Le portail du programme HospiConnect / HOP&apos;EN2 : sécuriser l&apos;identification électronique des professionnels à
        l&apos;hôpital et rendre effective la consultation du DMP.
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          Les <strong>établissements de santé</strong> (référents de l&apos;entité juridique, ou de l&apos;établissement support du GHT)
          candidatent, réalisent l&apos;autoévaluation de maturité en identification électronique et déposent chaque année leurs preuves.
        </li>
        <li>
          Les <strong>ARS</strong> instruisent les dossiers de leur région.
        </li>
        <li>
          La <strong>Délégation au numérique en santé</strong> configure les guichets et les données de référence et suit le programme.
        </li>
      </ul>
      <p className="flex flex-wrap gap-4">
        <Link href={user ? "/espace" : "/connexion"} className="bg-bleu-france px-5 py-2 font-semibold text-white no-underline hover:bg-bleu-france-hover hover:text-white">
          {user ? "Accéder à mon espace" : "Se connecter"}
        </Link>
        <Link href="/simulateur" className="border border-bleu-france px-5 py-2 font-semibold no-underline">
          Simuler un financement
        </Link>
      </p>
    </div>
  );
}
