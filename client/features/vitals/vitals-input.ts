import type { VitalParameter } from "../../../shared/schemas/vitals.ts";
import { vitalParameters } from "../../../shared/schemas/vitals.ts";

export type VitalsDraft = Record<VitalParameter, string>;

export const emptyDraft: VitalsDraft = { sbp: "", dbp: "", hr: "", spo2: "", rr: "" };

/** "" -> undefined (not measured); anything else -> a number (NaN is left for the schema to refuse). */
export function parseVital(text: string): number | undefined {
  const t = text.trim();
  return t === "" ? undefined : Number(t);
}

export function draftValues(draft: VitalsDraft): Partial<Record<VitalParameter, number>> {
  const values: Partial<Record<VitalParameter, number>> = {};
  for (const p of vitalParameters) {
    const v = parseVital(draft[p]);
    if (v !== undefined) values[p] = v;
  }
  return values;
}

/** Only plausible whole numbers feed the live MAP and alert preview. */
export function previewValues(draft: VitalsDraft): Partial<Record<VitalParameter, number>> {
  const values: Partial<Record<VitalParameter, number>> = {};
  for (const [p, v] of Object.entries(draftValues(draft)) as [VitalParameter, number][]) {
    if (Number.isInteger(v)) values[p] = v;
  }
  return values;
}

/** The values back as form text, to correct an entry the server refused. */
export function draftFrom(values: Partial<Record<VitalParameter, number | null | undefined>>): VitalsDraft {
  const draft = { ...emptyDraft };
  for (const p of vitalParameters) {
    const v = values[p];
    if (v !== undefined && v !== null) draft[p] = String(v);
  }
  return draft;
}

/** "BP 120/80, HR 72": what the nurse entered, for lists of unsynced entries. */
export function describeVitals(values: Partial<Record<VitalParameter, number | null | undefined>>): string {
  const bp = values.sbp != null || values.dbp != null ? `BP ${values.sbp ?? "—"}/${values.dbp ?? "—"}` : null;
  const rest = (
    [
      ["HR", values.hr],
      ["SpO2", values.spo2],
      ["RR", values.rr],
    ] as const
  ).map(([label, v]) => (v != null ? `${label} ${v}` : null));
  return `Vitals ${[bp, ...rest].filter(Boolean).join(", ")}`;
}
