/**
 * Discharge readiness (issue 5): pure functions, no I/O, no clock. The server evaluates it for the
 * session detail and before a signature; the same code could run in the browser.
 */

export { percentFromBaseline, withinPercent } from "./baseline.ts";
export {
  type ChecklistItemId,
  type ChecklistItems,
  checklistItemIds,
  checklistItemLabels,
  checklistItemsSchema,
  emptyChecklist,
} from "./checklist.ts";
export { isVitalSet } from "./criteria.ts";
export { modifiedPadss, type PadssItem, type PadssItemId, type PadssScore, padssItemIds } from "./padss.ts";
export {
  type DischargeProfile,
  defaultDischargeProfile,
  dischargeProfileSchema,
  esketamineDischargeProfile,
} from "./profile.ts";
export { checklistCriterionId, type DischargeEvaluation, evaluateDischarge } from "./readiness.ts";
export type { Criterion, DischargeInputs, DischargeReading, Millis } from "./types.ts";
