/**
 * Drives an establishment referent through the 2026 deposit form as a person
 * does, by the fields' labels and the buttons' names, so the instruction specs
 * get a transmitted deposit of their own fixture EJ. One place to adjust when
 * the deposit form's markup changes.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { tick, transmitWithDialog } from "./deposit-form";
import { writePdf } from "./pdf-fixture";

export const SLOT_LABELS = {
  noteDeCadrage: "Note de cadrage",
  expenseAttestation: "Attestation sur l'honneur des dépenses engagées, signée par la DAF",
} as const;

export type Slot = keyof typeof SLOT_LABELS;

/** Writes one PDF and copies it under each name: byte-identical files (same SHA-256). */
export async function writeIdenticalPdfs(names: string[], text: string): Promise<string[]> {
  const [first, ...others] = names;
  if (!first) return [];
  const original = await writePdf(first, text);
  return [
    original,
    ...others.map((name) => {
      const copy = path.join(path.dirname(original), name);
      fs.copyFileSync(original, copy);
      return copy;
    }),
  ];
}

/** From the referent's dossiers, starts (or opens) the 2026 deposit of `ejName`; returns its id and number. */
export async function startDeposit(page: Page, ejName: string): Promise<{ dossierId: string; number: string }> {
  await page.goto("/etablissement/dossiers");
  await page.getByRole("button", { name: new RegExp(`Déposer les preuves de ${escape(ejName)}`) }).click();
  await expect(page).toHaveURL(/\/etablissement\/dossiers\/[^/]+$/);
  const dossierId = page.url().split("/").pop() ?? "";
  const number = ((await page.getByRole("heading", { level: 1 }).textContent()) ?? "").match(/HC-J2026-\d{6}/)?.[0] ?? "";
  expect(number, "le numéro du dossier dans son titre").not.toBe("");
  return { dossierId, number };
}

/** Deposits files in a slot and waits until each is listed. */
export async function uploadToSlot(page: Page, slot: Slot, files: string[]) {
  await page.getByLabel(`Déposer un fichier — ${SLOT_LABELS[slot]}`).setInputFiles(files);
  for (const file of files) await expect(page.getByRole("link", { name: path.basename(file) })).toBeVisible();
}

/** Removes a deposited document by its file name. */
export async function removeDocument(page: Page, fileName: string) {
  await page.getByRole("button", { name: `Retirer ${fileName}` }).click();
  await expect(page.getByRole("link", { name: fileName })).toHaveCount(0);
}

export interface DepositFigures {
  nru: string;
  /** Amounts as typed, in euros ("10 000"). */
  expenses: { rhInternes: string; prestationsExternes: string; depensesEditeurs: string };
}

/** Fills the NRU, the expenses, asks for the maximum and ticks both attestations. */
export async function fillDeposit(page: Page, figures: DepositFigures) {
  await page.getByLabel("NRU de l'autoévaluation de maturité IE").fill(figures.nru);
  await page.getByLabel("RH internes").fill(figures.expenses.rhInternes);
  await page.getByLabel("Prestations externes").fill(figures.expenses.prestationsExternes);
  await page.getByLabel("Dépenses éditeurs").fill(figures.expenses.depensesEditeurs);
  await page.getByRole("button", { name: "Demander le montant maximal" }).click();
  await tick(page, "J'atteste que mon établissement a atteint les cibles pour l'année 2026.");
  await tick(page, /J'atteste que les dépenses déclarées concourent/);
}

/** Transmits (or transmits again), confirmed in the modal, and waits for the dossier to read as under instruction. */
export async function transmit(page: Page, options: { again?: boolean } = {}) {
  await transmitWithDialog(page, options.again ? /^Transmettre à nouveau à l'ARS$/ : /^Transmettre le dossier à l'ARS$/);
  await expect(page.getByTestId("etat-dossier").filter({ hasText: "En cours d'instruction par l'ARS" })).toBeVisible();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
