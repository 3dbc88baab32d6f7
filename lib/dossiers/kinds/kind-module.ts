import type { Database } from "@/lib/db/client";
import type { Cents } from "@/lib/funding";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GuichetKind } from "@/lib/generated/prisma/enums";
import type { DossierRow } from "../dossier-view";
import type { FieldErrors } from "../submission-rules";

/** A field or document an ARS change request can point at, keyed as the establishment's form keys it. */
export interface ReviewableField {
  key: string;
  label: string;
}

/** The instructor's per-objective verdicts turned into caps (2027–2028 deposits): errors keyed `objectives.<FINESS>.<code>`. */
export interface ObjectiveReview {
  caps: Map<string, Cents>;
  errors: FieldErrors;
  /** What is kept per EJ with the decision (DossierLegalEntity.objectiveVerdicts). */
  stored: Map<string, Record<string, { reached: boolean; reason: string }>>;
}

/** What the reviewable fields of a dossier depend on. */
export interface ReviewableDossier {
  year: number;
  carrierIsGhtSupport: boolean;
  parts: { finess: string; name: string }[];
}

/**
 * Everything that makes one guichet kind what it is, in one place. The registry
 * (`DOSSIER_KINDS`, a `Record<GuichetKind, DossierKindModule>`) makes the compiler
 * refuse a kind that is missing a piece; the shared steps (state machine, deadlines,
 * conditional updates, history, audit, outbox) stay in lib/dossiers and use these.
 */
export interface DossierKindModule {
  kind: GuichetKind;
  labels: {
    /** In lists, on the receipt: « Candidature ». */
    name: string;
    /** Source 003's e-mails name the form: « formulaire de candidature », « formulaire de dépôt ». */
    formName: string;
    /** The button that starts a dossier for an EJ. */
    startLabel(entityName: string): string;
    /** The dossier number's prefix, e.g. « HC-C2026 » (then « -000042 »). */
    numberPrefix(year: number): string;
    /** Who instructs it: the carrier's ARS, or the ANS nationally (CaRE, source 003). */
    instructor: "ARS" | "ANS";
    /** What the most the instructor may grant is, in words, when the decision carries amounts. */
    decisionCapRule?: string;
  };
  /** Whether an establishment can start a dossier of this kind on the portal today. */
  startable: boolean;
  /** Whether an EJ may carry several dossiers of one guichet (AAP projects) rather than one. */
  severalPerCarrier: boolean;
  /** Whether the ARS decides with the kind's own selection grid, so that the common accept/refuse must not be used. */
  decidedWithSelectionGrid: boolean;
  /** Where the kind keeps its answers in `Dossier.data`. */
  dataKey: string;
  /** Whether the ARS decision of a guichet of `year` carries amounts. */
  decisionCarriesAmounts(year: number): boolean;
  /**
   * The most the instructor may decide per EJ (empty when the decision carries no amount). With
   * `lock`, inside the decision's transaction, what the cap depends on is locked (a CaRE envelope).
   */
  decisionCaps(db: Database | Prisma.TransactionClient, row: DossierRow, options?: { lock?: boolean }): Promise<Map<string, Cents>>;
  /**
   * When the decision validates the declared objectives one by one (source 000, 2027–2028 deposits):
   * the guichet years it applies to, and the caps that follow the instructor's verdicts.
   */
  objectiveReview?: {
    years: readonly number[];
    review(row: DossierRow, verdicts: Readonly<Record<string, Readonly<Record<string, { reached: boolean; reason?: string }>>>>): ObjectiveReview;
  };
  /** What an ARS change request can point at. */
  reviewableFields(dossier: ReviewableDossier): ReviewableField[];
  /** The field errors that would block a submission now (shown live on the form too). */
  submissionErrors(db: Database | Prisma.TransactionClient, row: DossierRow, at: Date): Promise<FieldErrors>;
  /** Inside the transmission's transaction, after the completeness check: what the kind reserves (errors roll it back). */
  onTransmitted?(tx: Prisma.TransactionClient, row: DossierRow, at: Date): Promise<FieldErrors>;
  /** Inside the refusal's transaction: what the kind gives back. */
  onRefused?(tx: Prisma.TransactionClient, row: DossierRow): Promise<void>;
}
