import type { Kysely } from "kysely";
import type { AlertPriority } from "../../shared/schemas/alert.ts";
import { priorityRank } from "../../shared/schemas/alert.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import type { SessionDetail, SessionSummary } from "../../shared/schemas/session-views.ts";
import { listAlerts, openAlertsFor } from "../alerts/repo.ts";
import type { Database } from "../db/schema.ts";
import { listAddenda } from "../discharge/addenda-repo.ts";
import { loadDischargeReadiness } from "../discharge/readiness.ts";
import { findDischarge } from "../discharge/repo.ts";
import { notFound } from "../http/errors.ts";
import { listObservations } from "../observations/repo.ts";
import { toPatient } from "../patients/repo.ts";
import { emptyLatestValues, latestReadings, latestValues, listReadings } from "../vitals/repo.ts";
import { findSession } from "./repo.ts";

export function worstPriority(priorities: AlertPriority[]): AlertPriority | null {
  return priorities.reduce<AlertPriority | null>(
    (worst, p) => (worst === null || priorityRank[p] > priorityRank[worst] ? p : worst),
    null,
  );
}

/** Station tiles for a set of sessions: patient, latest values, open alerts. A fixed number of queries, whatever the count. */
export async function buildSummaries(
  db: Kysely<Database>,
  sessions: InfusionSession[],
): Promise<SessionSummary[]> {
  if (sessions.length === 0) return [];
  const ids = sessions.map((s) => s.id);
  const patientIds = [...new Set(sessions.map((s) => s.patientId))];
  const [patients, latest, values, alerts] = await Promise.all([
    db.selectFrom("patients").select(["id", "full_name", "mrn"]).where("id", "in", patientIds).execute(),
    latestReadings(db, ids),
    latestValues(db, ids),
    openAlertsFor(db, ids),
  ]);
  const patientById = new Map(patients.map((p) => [p.id, { id: p.id, fullName: p.full_name, mrn: p.mrn }]));
  return sessions.map((session) => {
    const openAlerts = alerts.filter((a) => a.sessionId === session.id);
    return {
      session,
      patient: patientById.get(session.patientId) ?? { id: session.patientId, fullName: "Unknown", mrn: "" },
      latestVitals: latest.get(session.id) ?? null,
      latestValues: values.get(session.id) ?? emptyLatestValues(),
      openAlerts,
      worstOpenPriority: worstPriority(openAlerts.map((a) => a.priority)),
    };
  });
}

export async function buildSummary(db: Kysely<Database>, session: InfusionSession): Promise<SessionSummary> {
  return (await buildSummaries(db, [session]))[0]!;
}

/**
 * The session page's record. `now` is the server clock (the time-based discharge criterion depends on
 * it); a discharged session shows the readiness stored with its signature.
 */
export async function buildDetail(
  db: Kysely<Database>,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionDetail> {
  const session = await findSession(db, sessionId);
  if (!session) throw notFound("Session");
  const [patientRow, vitals, observations, alerts, discharge, addenda] = await Promise.all([
    db.selectFrom("patients").selectAll().where("id", "=", session.patientId).executeTakeFirstOrThrow(),
    listReadings(db, sessionId),
    listObservations(db, sessionId),
    listAlerts(db, sessionId),
    findDischarge(db, sessionId),
    listAddenda(db, sessionId),
  ]);
  const dischargeReadiness =
    session.phase === "discharged"
      ? (discharge?.readiness ?? null)
      : await loadDischargeReadiness(db, session, now);
  return {
    session,
    patient: toPatient(patientRow),
    vitals,
    observations,
    alerts,
    discharge,
    dischargeReadiness,
    addenda,
  };
}
