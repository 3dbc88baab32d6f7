import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Page introuvable</h1>
      <p>La page demandée n&apos;existe pas ou n&apos;existe plus. Vérifiez l&apos;adresse ou le numéro FINESS saisi.</p>
      <p>
        <Link href="/">Retourner à l&apos;accueil</Link>
      </p>
    </div>
  );
}
