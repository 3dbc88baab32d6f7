import type { Control, UseFormRegister } from "react-hook-form";
import type { FieldErrors } from "@/lib/dossiers/submission-rules";
import { fieldState } from "../field-errors";
import type { ProjectValues } from "./values";

/** What every part of the project form receives: the form's handles, its messages, and whether it may be written. */
export interface FieldKit {
  register: UseFormRegister<ProjectValues>;
  control: Control<ProjectValues>;
  disabled: boolean;
  errors: FieldErrors;
  /** The ARS's open points, by form key. */
  notes: FieldErrors;
}

/** The DSFR state of the field of `key` (its errors, else the ARS's notes). */
export function stateOf(kit: FieldKit, key: string) {
  return fieldState(kit.errors[key], kit.notes[key]);
}

/** The props a DSFR native input takes for the field of `key` ("aria-invalid" with its state). */
export function invalid(state: ReturnType<typeof fieldState>) {
  return state.state === "error" || undefined;
}
