import type { SessionDetail } from "../../shared/schemas/session-views.ts";
import { type FhirResource, readingObservations } from "./observations.ts";

const MRN_SYSTEM = "urn:vigil:mrn";

function patientResource(detail: SessionDetail): FhirResource {
  const { patient } = detail;
  const parts = patient.fullName.trim().split(/\s+/);
  const family = parts.length > 1 ? parts.at(-1)! : parts[0]!;
  const given = parts.length > 1 ? parts.slice(0, -1) : [];
  return {
    resourceType: "Patient",
    id: patient.id,
    identifier: [{ system: MRN_SYSTEM, value: patient.mrn }],
    name: [{ text: patient.fullName, family, ...(given.length ? { given } : {}) }],
    birthDate: patient.dateOfBirth,
  };
}

function encounterResource(detail: SessionDetail, patientRef: string): FhirResource {
  const { session } = detail;
  const finished = session.phase === "discharged";
  return {
    resourceType: "Encounter",
    id: session.id,
    status: finished ? "finished" : "in-progress",
    class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB", display: "ambulatory" },
    type: [{ text: `IV ketamine infusion ${session.doseMgPerKg} mg/kg (${session.totalDoseMg} mg)` }],
    subject: { reference: patientRef },
    period: { start: session.createdAt, ...(session.dischargedAt ? { end: session.dischargedAt } : {}) },
    location: [{ location: { display: `Chair ${session.chair}` } }],
  };
}

/**
 * The session as a FHIR R4 collection Bundle: the Patient, the Encounter, and an Observation per
 * vital sign of every reading (LOINC codes, UCUM units, category vital-signs).
 */
export interface FhirBundle {
  [key: string]: unknown;
  resourceType: "Bundle";
  id: string;
  meta: { lastUpdated: string };
  type: "collection";
  timestamp: string;
  entry: { [key: string]: unknown; fullUrl: string; resource: FhirResource }[];
}

export function sessionBundle(detail: SessionDetail, generatedAt: string): FhirBundle {
  const patientRef = `urn:uuid:${detail.patient.id}`;
  const encounterRef = `urn:uuid:${detail.session.id}`;
  const resources: { fullUrl: string; resource: FhirResource }[] = [
    { fullUrl: patientRef, resource: patientResource(detail) },
    { fullUrl: encounterRef, resource: encounterResource(detail, patientRef) },
  ];
  for (const reading of detail.vitals) {
    for (const resource of readingObservations(reading, { patient: patientRef, encounter: encounterRef })) {
      resources.push({ fullUrl: `urn:uuid:${resource.id}`, resource });
    }
  }
  return {
    resourceType: "Bundle" as const,
    id: crypto.randomUUID(),
    meta: { lastUpdated: generatedAt },
    type: "collection" as const,
    timestamp: generatedAt,
    entry: resources,
  };
}
