import { type ChecklistItemId, checklistItemIds, checklistItemLabels } from "./checklist.ts";
import { automaticCriteria } from "./criteria.ts";
import { modifiedPadss, type PadssScore } from "./padss.ts";
import type { DischargeProfile } from "./profile.ts";
import type { Criterion, DischargeInputs } from "./types.ts";

export interface DischargeEvaluation {
  /** The automatic criteria, in display order. */
  criteria: Criterion[];
  /** The nurse's checklist items as criteria (met = ticked). */
  checklist: Criterion[];
  padss: PadssScore & { minimum: number; met: boolean };
  /** Every unmet criterion, checklist item and the PADSS (id "padss") when below the pass mark. */
  unmet: Criterion[];
  ready: boolean;
}

export const checklistCriterionId = (item: ChecklistItemId) => `checklist_${item}`;

/** Discharge readiness: automatic criteria, the nurse's checklist and the modified PADSS together. */
export function evaluateDischarge(input: DischargeInputs, profile: DischargeProfile): DischargeEvaluation {
  const criteria = automaticCriteria(input, profile);
  const checklist: Criterion[] = checklistItemIds.map((item) => ({
    id: checklistCriterionId(item),
    label: checklistItemLabels[item],
    met: input.checklist[item],
    reason: input.checklist[item] ? "Checked by the nurse" : "Not checked",
  }));
  const score = modifiedPadss(input);
  const padssMet = score.total >= profile.padssMinimum;
  const padssCriterion: Criterion = {
    id: "padss",
    label: `Modified PADSS at least ${profile.padssMinimum} of 10`,
    met: padssMet,
    reason: `Score ${score.total} of 10`,
  };
  const unmet = [...criteria, ...checklist, padssCriterion].filter((c) => !c.met);
  return {
    criteria,
    checklist,
    padss: { ...score, minimum: profile.padssMinimum, met: padssMet },
    unmet,
    ready: unmet.length === 0,
  };
}
