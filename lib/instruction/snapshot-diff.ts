/**
 * PURE: what changed between two submissions of a dossier (two DossierSnapshots),
 * shown to the instructor after a resubmission.
 *
 * - Fields: every value of each EJ's part (NRU, expenses per category, objectives,
 *   requested amount, SAE headcount) and every answer of the dossier's data
 *   (project team, GHT mandate kind, attestations), each with before → after.
 *   Keys are the field keys of the forms and of the submission errors
 *   (`parts.<FINESS>.nru`, `projectTeam.cio.email`, `attestations.targetsReached`),
 *   so they can be matched with the points of a change request.
 * - Documents are compared by content, not by name nor id: a document is "the same"
 *   when its SHA-256, its kind and its objective are the same. Re-uploading the
 *   same bytes is no change; different bytes under the same name are a removal
 *   plus an addition. The same document linked to other EJ is "relinked".
 *   Every document counts (issue 9, §2.7): documents are paired one to one, so two
 *   copies of the same bytes removed are two removals, and keeping one of two
 *   copies is one removal.
 * An empty text and an absent value are the same ("not filled").
 */
import type { DossierSnapshot } from "@/lib/dossiers/snapshot";
import { GHT_MANDATE_KINDS, PROJECT_TEAM_ROLES } from "@/lib/dossiers/project-team";
import { EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS } from "@/lib/funding";

export type DiffValue = string | number | boolean | readonly string[] | null;

/** How a value is shown: `cents` are amounts in euro cents. */
export type DiffValueKind = "text" | "cents" | "integer" | "boolean" | "list";

export interface FieldChange {
  key: string;
  /** French label, with the EJ's name for a part's field. */
  label: string;
  kind: DiffValueKind;
  before: DiffValue;
  after: DiffValue;
  /** The EJ the field belongs to; null for a dossier-level answer. */
  legalEntityFiness: string | null;
}

export type SnapshotDocument = DossierSnapshot["documents"][number];

export interface DocumentRelink {
  document: SnapshotDocument;
  before: string[];
  after: string[];
}

export interface SnapshotDiff {
  fromSequence: number;
  toSequence: number;
  fields: FieldChange[];
  partsAdded: { finess: string; name: string }[];
  partsRemoved: { finess: string; name: string }[];
  documentsAdded: SnapshotDocument[];
  documentsRemoved: SnapshotDocument[];
  documentsRelinked: DocumentRelink[];
  /** Every form key touched (fields and document slots), to match a change request's points. */
  touchedKeys: string[];
  unchanged: boolean;
}

type Part = DossierSnapshot["parts"][number];

const PART_FIELDS: { field: string; label: string; kind: DiffValueKind; value: (part: Part) => DiffValue }[] = [
  { field: "headcount", label: "Effectif SAE", kind: "integer", value: (part) => part.headcount },
  { field: "nru", label: "NRU de l'autoévaluation IE", kind: "text", value: (part) => part.nru },
  ...EXPENSE_CATEGORIES.map((category) => ({
    field: `expenses.${category}`,
    label: `Dépenses — ${EXPENSE_CATEGORY_LABELS[category]}`,
    kind: "cents" as const,
    value: (part: Part) => part.expenses[category] ?? null,
  })),
  { field: "mandatoryObjectiveMet", label: "Objectif obligatoire 1.0 atteint", kind: "boolean", value: (part) => part.mandatoryObjectiveMet },
  { field: "objectivesReached", label: "Objectifs atteints", kind: "list", value: (part) => [...part.objectivesReached].sort() },
  { field: "requested", label: "Montant demandé", kind: "cents", value: (part) => part.requested },
];

const DATA_LABELS: Record<string, string> = {
  ghtMandateKind: "Justificatif du mandat de l'établissement support",
  "attestations.targetsReached": "Attestation d'atteinte des cibles de l'année",
  "attestations.expensesTruthful": "Attestation sur les dépenses déclarées",
  ...Object.fromEntries(
    PROJECT_TEAM_ROLES.flatMap((role) => [
      [`projectTeam.${role.key}.name`, `Équipe projet — ${role.label} : nom`],
      [`projectTeam.${role.key}.email`, `Équipe projet — ${role.label} : adresse e-mail`],
    ]),
  ),
};

const DATA_VALUE_LABELS: Record<string, Record<string, string>> = {
  ghtMandateKind: Object.fromEntries(GHT_MANDATE_KINDS.map((kind) => [kind.key, kind.label])),
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function normalize(value: unknown): DiffValue {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((item) => (typeof item === "string" ? item : JSON.stringify(item)));
  return JSON.stringify(value);
}

function same(a: DiffValue, b: DiffValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return a === b;
}

function kindOf(value: DiffValue): DiffValueKind {
  if (Array.isArray(value)) return "list";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return "integer";
  return "text";
}

/**
 * The answers of `data` as leaves keyed like the form fields: the candidature and
 * deposit envelopes are unwrapped, and a deposit's parts are left out (they are the
 * snapshot's `parts`, compared field by field above).
 */
function dataLeaves(data: unknown): Map<string, DiffValue> {
  const leaves = new Map<string, DiffValue>();
  const walk = (value: unknown, path: string) => {
    if (isPlainObject(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
      return;
    }
    leaves.set(path, normalize(value));
  };
  if (!isPlainObject(data)) return leaves;
  for (const [key, value] of Object.entries(data)) {
    if ((key === "candidature" || key === "deposit") && isPlainObject(value)) {
      const { parts: _parts, ...rest } = value;
      void _parts;
      walk(key === "deposit" ? rest : value, "");
    } else {
      walk(value, key);
    }
  }
  return leaves;
}

function documentIdentity(document: SnapshotDocument): string {
  return `${document.sha256}|${document.kind}|${document.objectiveCode ?? ""}`;
}

const sameEntities = (a: SnapshotDocument, b: SnapshotDocument) => same([...a.legalEntities].sort(), [...b.legalEntities].sort());

/**
 * Pairs each current document with at most one previous document of the same
 * identity (content, kind, objective): first the same stored document, then one
 * serving the same EJ, then any. What is left unpaired was added or removed,
 * each copy counted once; pairs are listed in the current order.
 */
function pairDocuments(previous: readonly SnapshotDocument[], current: readonly SnapshotDocument[]) {
  // Indices, not objects: the same object may be listed twice.
  const free = new Map<string, number[]>();
  previous.forEach((document, index) => {
    const key = documentIdentity(document);
    free.set(key, [...(free.get(key) ?? []), index]);
  });
  const partnerOf = new Map<number, number>();
  const rules: ((before: SnapshotDocument, after: SnapshotDocument) => boolean)[] = [(before, after) => before.id === after.id, sameEntities, () => true];
  for (const rule of rules) {
    current.forEach((document, index) => {
      if (partnerOf.has(index)) return;
      const candidates = free.get(documentIdentity(document)) ?? [];
      const position = candidates.findIndex((candidate) => rule(previous[candidate] as SnapshotDocument, document));
      if (position < 0) return;
      partnerOf.set(index, candidates[position] as number);
      candidates.splice(position, 1);
    });
  }
  const paired = new Set(partnerOf.values());
  return {
    pairs: current.flatMap((document, index): [SnapshotDocument, SnapshotDocument][] => {
      const before = partnerOf.get(index);
      return before === undefined ? [] : [[previous[before] as SnapshotDocument, document]];
    }),
    added: current.filter((_, index) => !partnerOf.has(index)),
    removed: previous.filter((_, index) => !paired.has(index)),
  };
}

/** The form keys of a document's slot, for each EJ it serves (`parts.<FINESS>.noteDeCadrage`). */
export function documentFieldKeys(document: Pick<SnapshotDocument, "kind" | "objectiveCode" | "legalEntities">): string[] {
  switch (document.kind) {
    case "GHT_MANDATE":
      return ["documents.GHT_MANDATE"];
    case "NOTE_DE_CADRAGE":
      return document.legalEntities.map((finess) => `parts.${finess}.noteDeCadrage`);
    case "EXPENSE_ATTESTATION":
      return document.legalEntities.map((finess) => `parts.${finess}.expenseAttestation`);
    case "OBJECTIVE_PROOF":
      return document.legalEntities.map((finess) => `parts.${finess}.objectiveProof.${document.objectiveCode ?? ""}`);
    default:
      return document.legalEntities.map((finess) => `parts.${finess}.documents.${document.kind}`);
  }
}

export function diffSnapshots(previous: DossierSnapshot, current: DossierSnapshot): SnapshotDiff {
  const fields: FieldChange[] = [];

  const previousParts = new Map(previous.parts.map((part) => [part.legalEntityFiness, part]));
  const currentParts = new Map(current.parts.map((part) => [part.legalEntityFiness, part]));
  for (const part of current.parts) {
    const before = previousParts.get(part.legalEntityFiness);
    if (!before) continue;
    for (const rule of PART_FIELDS) {
      const a = normalize(rule.value(before));
      const b = normalize(rule.value(part));
      if (!same(a, b)) {
        fields.push({ key: `parts.${part.legalEntityFiness}.${rule.field}`, label: `${part.name} — ${rule.label}`, kind: rule.kind, before: a, after: b, legalEntityFiness: part.legalEntityFiness });
      }
    }
  }

  const beforeData = dataLeaves(previous.data);
  const afterData = dataLeaves(current.data);
  const dataKeys = [...afterData.keys(), ...[...beforeData.keys()].filter((key) => !afterData.has(key))];
  for (const key of dataKeys) {
    const a = beforeData.get(key) ?? null;
    const b = afterData.get(key) ?? null;
    if (same(a, b)) continue;
    const values = DATA_VALUE_LABELS[key];
    const shown = (value: DiffValue) => (values && typeof value === "string" ? (values[value] ?? value) : value);
    fields.push({ key, label: DATA_LABELS[key] ?? key, kind: kindOf(b ?? a), before: shown(a), after: shown(b), legalEntityFiness: null });
  }

  const partsAdded = current.parts.filter((part) => !previousParts.has(part.legalEntityFiness)).map((part) => ({ finess: part.legalEntityFiness, name: part.name }));
  const partsRemoved = previous.parts.filter((part) => !currentParts.has(part.legalEntityFiness)).map((part) => ({ finess: part.legalEntityFiness, name: part.name }));

  const { pairs, added: documentsAdded, removed: documentsRemoved } = pairDocuments(previous.documents, current.documents);
  const documentsRelinked: DocumentRelink[] = [];
  for (const [before, document] of pairs) {
    const a = [...before.legalEntities].sort();
    const b = [...document.legalEntities].sort();
    if (!same(a, b)) documentsRelinked.push({ document, before: a, after: b });
  }

  const touchedKeys = [
    ...new Set([
      ...fields.map((change) => change.key),
      ...[...documentsAdded, ...documentsRemoved].flatMap(documentFieldKeys),
      ...documentsRelinked.flatMap(({ document, before, after }) => documentFieldKeys({ ...document, legalEntities: [...new Set([...before, ...after])] })),
    ]),
  ];

  return {
    fromSequence: previous.sequence,
    toSequence: current.sequence,
    fields,
    partsAdded,
    partsRemoved,
    documentsAdded,
    documentsRemoved,
    documentsRelinked,
    touchedKeys,
    unchanged: fields.length === 0 && partsAdded.length === 0 && partsRemoved.length === 0 && documentsAdded.length === 0 && documentsRemoved.length === 0 && documentsRelinked.length === 0,
  };
}
