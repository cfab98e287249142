import type { VitalsReading } from "../../shared/schemas/vitals.ts";
import { derivedUuid } from "./derived-id.ts";
import { LOINC, UCUM, vitalCodes, vitalSignsCategory } from "./vital-codes.ts";

type Code = { code: string; display: string };
type Quantity = { value: number; unit: string; system: string; code: string };
export type FhirResource = Record<string, unknown> & { resourceType: string; id: string };

const concept = (...codes: Code[]) => ({
  coding: codes.map((c) => ({ system: LOINC, code: c.code, display: c.display })),
  text: codes[0]!.display,
});

function quantity(value: number, code: { unit: string; unitDisplay: string }): Quantity {
  return { value, unit: code.unitDisplay, system: UCUM, code: code.unit };
}

/**
 * A reading becomes one FHIR Observation per vital sign, as the vital-signs profile expects: blood
 * pressure as the 85354-9 panel with systolic and diastolic components, the others on their own. A
 * reading entered in error keeps its Observations with status `entered-in-error` (its correction is
 * a reading of its own).
 */
export function readingObservations(
  reading: VitalsReading,
  refs: { patient: string; encounter: string },
  status: "final" | "entered-in-error" = reading.status === "entered_in_error" ? "entered-in-error" : "final",
): FhirResource[] {
  const base = (suffix: string, code: ReturnType<typeof concept>) => ({
    resourceType: "Observation",
    id: derivedUuid(reading.id, suffix),
    status,
    category: vitalSignsCategory,
    code,
    subject: { reference: refs.patient },
    encounter: { reference: refs.encounter },
    effectiveDateTime: reading.observedAt,
    issued: reading.recordedAt,
    performer: [{ display: reading.recordedBy.displayName }],
    ...(reading.source === "monitor" ? { method: { text: "Bedside monitor" } } : {}),
  });
  const out: FhirResource[] = [];
  if (reading.sbp !== null && reading.dbp !== null) {
    out.push({
      ...base("bp", concept(vitalCodes.bpPanel)),
      component: [
        { code: concept(vitalCodes.sbp), valueQuantity: quantity(reading.sbp, vitalCodes.sbp) },
        { code: concept(vitalCodes.dbp), valueQuantity: quantity(reading.dbp, vitalCodes.dbp) },
        ...(reading.map !== null
          ? [{ code: concept(vitalCodes.map), valueQuantity: quantity(reading.map, vitalCodes.map) }]
          : []),
      ],
    });
  }
  if (reading.hr !== null) {
    out.push({ ...base("hr", concept(vitalCodes.hr)), valueQuantity: quantity(reading.hr, vitalCodes.hr) });
  }
  if (reading.spo2 !== null) {
    out.push({
      ...base("spo2", concept(vitalCodes.spo2, vitalCodes.spo2Pulse)),
      valueQuantity: quantity(reading.spo2, vitalCodes.spo2),
    });
  }
  if (reading.rr !== null) {
    out.push({ ...base("rr", concept(vitalCodes.rr)), valueQuantity: quantity(reading.rr, vitalCodes.rr) });
  }
  return out;
}
