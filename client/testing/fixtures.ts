import type { Alert } from "../../shared/schemas/alert.ts";
import type { Observation } from "../../shared/schemas/observation.ts";
import type { Patient } from "../../shared/schemas/patient.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { LatestValues, SessionDetail, SessionSummary } from "../../shared/schemas/session-views.ts";
import type { Actor } from "../../shared/schemas/user.ts";
import type { VitalsReading } from "../../shared/schemas/vitals.ts";

/** Test data builders: valid entities by default, override what a test is about. */
export const ids = {
  session: "11111111-1111-4111-8111-111111111111",
  patient: "22222222-2222-4222-8222-222222222222",
  nurse: "33333333-3333-4333-8333-333333333333",
  physician: "44444444-4444-4444-8444-444444444444",
};

let counter = 0;
export const nextId = () => {
  counter += 1;
  return `aaaaaaaa-aaaa-4aaa-8aaa-${String(counter).padStart(12, "0")}`;
};

export const t0 = "2026-11-22T19:00:00.000Z";
export const at = (minutes: number) => new Date(Date.parse(t0) + minutes * 60_000).toISOString();

export const nurse: Actor = { id: ids.nurse, displayName: "Nurse Nina", role: "nurse" };
export const physician: Actor = { id: ids.physician, displayName: "Dr Xu", role: "physician" };

export function makePatient(over: Partial<Patient> = {}): Patient {
  return {
    id: ids.patient,
    mrn: "MRN-001",
    fullName: "Jane Doe",
    dateOfBirth: "1980-05-01",
    weightKg: 70,
    createdAt: t0,
    ...over,
  };
}

export function makeSession(over: Partial<InfusionSession> = {}): InfusionSession {
  return {
    id: ids.session,
    patientId: ids.patient,
    chair: "3",
    weightKg: 70,
    doseMgPerKg: 0.5,
    totalDoseMg: 35,
    plannedDurationMin: 40,
    phase: "infusing",
    createdAt: t0,
    phaseChangedAt: at(5),
    infusionStartedAt: at(5),
    infusionStoppedAt: null,
    dischargedAt: null,
    seq: 1,
    ...over,
  };
}

export function makeReading(over: Partial<VitalsReading> = {}): VitalsReading {
  return {
    id: nextId(),
    sessionId: ids.session,
    observedAt: at(10),
    recordedAt: at(10),
    source: "manual",
    sbp: 120,
    dbp: 80,
    map: 93,
    hr: 72,
    spo2: 98,
    rr: 14,
    recordedBy: nurse,
    ...over,
  };
}

export function makeObservation(over: Partial<Observation> = {}): Observation {
  return {
    id: nextId(),
    sessionId: ids.session,
    observedAt: at(12),
    recordedAt: at(12),
    type: "nausea",
    severity: "mild",
    moaas: null,
    note: null,
    recordedBy: nurse,
    ...over,
  };
}

export function makeAlert(over: Partial<Alert> = {}): Alert {
  return {
    id: nextId(),
    sessionId: ids.session,
    parameter: "sbp",
    priority: "medium",
    status: "open",
    message: "Systolic BP 170 mmHg (limit >= 165)",
    value: 170,
    raisedAt: at(10),
    clearedAt: null,
    escalatedAt: null,
    conditionPresent: true,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgementNote: null,
    ...over,
  };
}

export function makeDetail(over: Partial<SessionDetail> = {}): SessionDetail {
  return {
    session: makeSession(),
    patient: makePatient(),
    vitals: [],
    observations: [],
    alerts: [],
    discharge: null,
    ...over,
  };
}

export function makeSummary(over: Partial<SessionSummary> = {}): SessionSummary {
  return {
    session: makeSession(),
    patient: { id: ids.patient, fullName: "Jane Doe", mrn: "MRN-001" },
    latestVitals: null,
    latestValues: { sbp: null, dbp: null, map: null, hr: null, spo2: null, rr: null },
    openAlerts: [],
    worstOpenPriority: null,
    ...over,
  };
}

/** The latest-values block a server would build from one reading. */
export function latestFrom(r: VitalsReading): LatestValues {
  const v = (value: number | null) => (value === null ? null : { value, observedAt: r.observedAt });
  return { sbp: v(r.sbp), dbp: v(r.dbp), map: v(r.map), hr: v(r.hr), spo2: v(r.spo2), rr: v(r.rr) };
}
