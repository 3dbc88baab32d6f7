import type { InstructionModel } from "@/lib/instruction/instruction-model";
import { InstructionActionsPanel } from "./instruction-actions-panel";

/** The ARS's actions on the dossier page; `model.canAct` (computed on the server) says whether the user may act now. */
export function InstructionActions({ model }: { model: InstructionModel }) {
  return <InstructionActionsPanel model={model} fields={model.reviewableFields} />;
}
