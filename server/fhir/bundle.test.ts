import { beforeAll, describe, expect, it } from "vitest";
import type { SessionDetail } from "../../shared/schemas/session-views.ts";
import type { VitalsReading } from "../../shared/schemas/vitals.ts";
import { fhirErrors, fhirValidator } from "../../tests/support/fhir-schema.ts";
import { sessionBundle } from "./bundle.ts";

const nurse = {
  id: "7d3c1c0e-34a4-4b46-9d0f-0f8a6c7b2a11",
  displayName: "Nurse Alex Morgan",
  role: "nurse" as const,
};
const sessionId = "0b8e2f4e-3a61-4f64-9a55-1c2d3e4f5a6b";

function reading(over: Partial<VitalsReading>): VitalsReading {
  return {
    id: crypto.randomUUID(),
    sessionId,
    observedAt: "2026-11-22T09:10:00.000Z",
    recordedAt: "2026-11-22T09:10:30.000Z",
    source: "manual",
    sbp: null,
    dbp: null,
    map: null,
    hr: null,
    spo2: null,
    rr: null,
    recordedBy: nurse,
    ...over,
  };
}

const detail: SessionDetail = {
  session: {
    id: sessionId,
    patientId: "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    chair: "3",
    weightKg: 70,
    doseMgPerKg: 0.5,
    totalDoseMg: 35,
    plannedDurationMin: 40,
    phase: "discharged",
    createdAt: "2026-11-22T09:00:00.000Z",
    phaseChangedAt: "2026-11-22T10:30:00.000Z",
    infusionStartedAt: "2026-11-22T09:12:00.000Z",
    infusionStoppedAt: "2026-11-22T09:52:00.000Z",
    dischargedAt: "2026-11-22T10:30:00.000Z",
    seq: 12,
  },
  patient: {
    id: "5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    mrn: "MRN-42",
    fullName: "Dana Jo Whitfield",
    dateOfBirth: "1975-03-14",
    weightKg: 70,
    createdAt: "2026-01-01T00:00:00.000Z",
  },
  vitals: [
    reading({ sbp: 128, dbp: 82, map: 97, hr: 74, spo2: 98, rr: 14 }),
    reading({ source: "monitor", hr: 80, spo2: 96 }),
  ],
  observations: [],
  alerts: [],
  discharge: null,
};

beforeAll(() => {
  fhirValidator();
}, 60_000);

describe("sessionBundle", () => {
  const bundle = sessionBundle(detail, "2026-11-22T11:00:00.000Z");
  const resources = bundle.entry.map((e) => e.resource);
  const observations = resources.filter((r) => r.resourceType === "Observation");
  const codeOf = (r: Record<string, unknown>) =>
    (r.code as { coding: { code: string }[] }).coding.map((c) => c.code);

  it("is valid against the official FHIR R4 JSON schema", () => {
    expect(fhirErrors(bundle)).toEqual([]);
  });

  it("the schema check can fail: an Observation without a code is refused", () => {
    const broken = structuredClone(bundle);
    delete (broken.entry[2]!.resource as Record<string, unknown>).code;
    expect(fhirErrors(broken).length).toBeGreaterThan(0);
  });

  it("holds the patient with MRN and the encounter with its period", () => {
    expect(resources[0]).toMatchObject({
      resourceType: "Patient",
      identifier: [{ value: "MRN-42" }],
      name: [{ family: "Whitfield", given: ["Dana", "Jo"] }],
      birthDate: "1975-03-14",
    });
    expect(resources[1]).toMatchObject({
      resourceType: "Encounter",
      status: "finished",
      period: { start: "2026-11-22T09:00:00.000Z", end: "2026-11-22T10:30:00.000Z" },
    });
  });

  it("codes every vital sign with LOINC and UCUM, blood pressure as a panel", () => {
    expect(observations.map(codeOf)).toEqual([
      ["85354-9"],
      ["8867-4"],
      ["2708-6", "59408-5"],
      ["9279-1"],
      ["8867-4"],
      ["2708-6", "59408-5"],
    ]);
    const bp = observations[0]!;
    expect(bp.component).toEqual([
      expect.objectContaining({
        valueQuantity: { value: 128, unit: "mmHg", system: "http://unitsofmeasure.org", code: "mm[Hg]" },
      }),
      expect.objectContaining({ valueQuantity: expect.objectContaining({ value: 82, code: "mm[Hg]" }) }),
      expect.objectContaining({ valueQuantity: expect.objectContaining({ value: 97 }) }),
    ]);
    expect(codeOf((bp.component as Record<string, unknown>[])[0]!)).toEqual(["8480-6"]);
    expect(codeOf((bp.component as Record<string, unknown>[])[1]!)).toEqual(["8462-4"]);
    for (const o of observations) {
      expect(o).toMatchObject({
        status: "final",
        category: [{ coding: [{ code: "vital-signs" }] }],
        subject: { reference: `urn:uuid:${detail.patient.id}` },
        effectiveDateTime: "2026-11-22T09:10:00.000Z",
      });
    }
  });

  it("gives every resource a distinct, stable id", () => {
    const again = sessionBundle(detail, "2026-11-22T12:00:00.000Z");
    expect(new Set(bundle.entry.map((e) => e.fullUrl)).size).toBe(bundle.entry.length);
    expect(again.entry.map((e) => e.fullUrl)).toEqual(bundle.entry.map((e) => e.fullUrl));
  });
});
