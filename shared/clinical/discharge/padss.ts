import { formatPercent, lastAgainstBaseline, percentFromBaseline } from "./baseline.ts";
import type { DischargeInputs } from "./types.ts";

/**
 * Modified PADSS (Chung; clinical reference section 6), five items scored 0-2, total out of 10:
 * - vital signs: last SBP, DBP and HR all within 20 % of baseline = 2, within 40 % = 1, beyond = 0;
 * - activity and mental status: oriented x3 and steady gait = 2, one of them = 1, neither = 0;
 * - pain: controlled = 2, not controlled = 1 (Chung: pain not acceptable to the patient);
 * - nausea/vomiting: controlled = 2; not controlled = 1, or 0 after vomiting or severe nausea
 *   recorded since the infusion stopped;
 * - escort and discharge instructions (this clinic's fifth item, replacing the original's surgical
 *   bleeding and intake/output, which do not apply to an IV infusion): responsible adult escort present
 *   and told not to drive until the next day after sleep = 2, one of them = 1, neither = 0.
 */
export const padssItemIds = ["vital_signs", "activity", "pain", "nausea", "escort"] as const;
export type PadssItemId = (typeof padssItemIds)[number];

export interface PadssItem {
  id: PadssItemId;
  label: string;
  score: number;
  reason: string;
}

export interface PadssScore {
  items: PadssItem[];
  total: number;
  max: 10;
}

function vitalSigns(input: DischargeInputs): PadssItem {
  const label = "Vital signs (BP and HR vs baseline)";
  const { comparisons, missing } = lastAgainstBaseline(input.readings, input.baseline);
  if (missing.length > 0)
    return { id: "vital_signs", label, score: 0, reason: `Cannot compare: ${missing.join(", ")}` };
  const worst = comparisons.reduce((w, c) =>
    percentFromBaseline(c.value, c.baseline) > percentFromBaseline(w.value, w.baseline) ? c : w,
  );
  const deviation = Math.abs(worst.value - worst.baseline) * 100;
  const score = deviation <= 20 * worst.baseline + 1e-9 ? 2 : deviation <= 40 * worst.baseline + 1e-9 ? 1 : 0;
  return {
    id: "vital_signs",
    label,
    score,
    reason: `Largest deviation ${worst.label} ${formatPercent(worst.value, worst.baseline)}`,
  };
}

function pair(
  id: PadssItemId,
  label: string,
  a: { ok: boolean; name: string },
  b: { ok: boolean; name: string },
): PadssItem {
  const met = [a, b].filter((x) => x.ok);
  const unmet = [a, b].filter((x) => !x.ok);
  const reason =
    unmet.length === 0 ? `${a.name} and ${b.name}` : `Not yet: ${unmet.map((x) => x.name).join(" and ")}`;
  return { id, label, score: met.length, reason };
}

function nausea(input: DischargeInputs): PadssItem {
  const label = "Nausea and vomiting";
  if (input.checklist.nauseaControlled) return { id: "nausea", label, score: 2, reason: "Controlled" };
  const stop = input.infusionStoppedAt;
  const severe = input.nauseaEvents.some(
    (e) => stop !== null && e.t >= stop && (e.type === "vomiting" || e.severity === "severe"),
  );
  return severe
    ? { id: "nausea", label, score: 0, reason: "Not controlled; vomiting or severe nausea in recovery" }
    : { id: "nausea", label, score: 1, reason: "Not marked controlled" };
}

export function modifiedPadss(input: DischargeInputs): PadssScore {
  const c = input.checklist;
  const items: PadssItem[] = [
    vitalSigns(input),
    pair(
      "activity",
      "Activity and mental status",
      { ok: c.oriented, name: "oriented x3" },
      { ok: c.steadyGait, name: "steady gait" },
    ),
    c.painControlled
      ? { id: "pain", label: "Pain", score: 2, reason: "Controlled" }
      : { id: "pain", label: "Pain", score: 1, reason: "Not marked controlled" },
    nausea(input),
    pair(
      "escort",
      "Escort and discharge instructions",
      { ok: c.escortPresent, name: "escort present" },
      { ok: c.noDrivingAdvised, name: "told not to drive" },
    ),
  ];
  return { items, total: items.reduce((sum, i) => sum + i.score, 0), max: 10 };
}
