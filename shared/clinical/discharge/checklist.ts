import { z } from "zod";

/** The nurse's discharge checklist: each item is ticked (true) or not. Stored as append-only versions. */
export const checklistItemIds = [
  "oriented",
  "steadyGait",
  "nauseaControlled",
  "painControlled",
  "escortPresent",
  "noDrivingAdvised",
] as const;
export type ChecklistItemId = (typeof checklistItemIds)[number];

export const checklistItemLabels: Record<ChecklistItemId, string> = {
  oriented: "Oriented to person, place and time",
  steadyGait: "Steady gait",
  nauseaControlled: "Nausea controlled",
  painControlled: "Pain controlled",
  escortPresent: "Responsible adult escort present",
  noDrivingAdvised: "Told not to drive until the next day after sleep",
};

const tick = z.boolean({ error: "must be true or false" });

export const checklistItemsSchema = z.strictObject({
  oriented: tick,
  steadyGait: tick,
  nauseaControlled: tick,
  painControlled: tick,
  escortPresent: tick,
  noDrivingAdvised: tick,
});
export type ChecklistItems = z.infer<typeof checklistItemsSchema>;

export const emptyChecklist = (): ChecklistItems => ({
  oriented: false,
  steadyGait: false,
  nauseaControlled: false,
  painControlled: false,
  escortPresent: false,
  noDrivingAdvised: false,
});
