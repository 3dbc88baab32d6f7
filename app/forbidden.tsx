import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Accès refusé</h1>
      <p>Votre compte ne vous permet pas d&apos;accéder à cette page. Elle concerne un autre établissement, une autre région ou un autre rôle.</p>
      <p>
        <Link href="/espace">Retourner à mon espace</Link>
      </p>
    </div>
  );
}
