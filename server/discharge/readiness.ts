import type { Kysely, Transaction } from "kysely";
import { type DischargeProfile, defaultDischargeProfile } from "../../shared/clinical/discharge/profile.ts";
import { evaluateDischarge } from "../../shared/clinical/discharge/readiness.ts";
import type { DischargeInputs } from "../../shared/clinical/discharge/types.ts";
import type { DischargeReadiness } from "../../shared/schemas/discharge-readiness.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import { loadEngineState } from "../alerts/engine-store.ts";
import { openAlertRows } from "../alerts/repo.ts";
import type { Database } from "../db/schema.ts";
import { listObservations } from "../observations/repo.ts";
import { listReadings } from "../vitals/repo.ts";
import { currentChecklist } from "./checklist-repo.ts";

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The discharge profile of a session. Every session uses the clinic default (IV ketamine, 30 min
 * after the stop) for now; the esketamine-style rule exists as data for when profiles can choose it.
 */
export const dischargeProfileFor = (_session: InfusionSession): DischargeProfile => defaultDischargeProfile;

/** The alert engine's fixed baseline (the mean of the last up-to-3 pre-infusion readings). */
async function engineBaseline(db: Db, session: InfusionSession): Promise<DischargeInputs["baseline"]> {
  const { baseline } = await loadEngineState(db, session);
  return { sbp: baseline.sbp, dbp: baseline.dbp, hr: baseline.hr };
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/** Evaluates discharge readiness on the stored record at `now`; entries entered in error are left out. */
export async function loadDischargeReadiness(
  db: Db,
  session: InfusionSession,
  now: Date,
): Promise<DischargeReadiness> {
  const [readings, observations, openAlerts, baseline, checklist] = await Promise.all([
    listReadings(db, session.id),
    listObservations(db, session.id),
    openAlertRows(db, session.id),
    engineBaseline(db, session),
    currentChecklist(db, session.id),
  ]);
  const validReadings = readings.filter((r) => r.status !== "entered_in_error");
  const validObservations = observations.filter((o) => o.status !== "entered_in_error");
  const profile = dischargeProfileFor(session);
  const evaluation = evaluateDischarge(
    {
      now: now.getTime(),
      infusionStartedAt: ms(session.infusionStartedAt),
      infusionStoppedAt: ms(session.infusionStoppedAt),
      readings: validReadings.map((r) => ({
        t: Date.parse(r.observedAt),
        sbp: r.sbp,
        dbp: r.dbp,
        hr: r.hr,
        spo2: r.spo2,
      })),
      sedationChecks: validObservations
        .filter((o) => o.type === "sedation" && o.moaas !== null)
        .map((o) => ({ t: Date.parse(o.observedAt), moaas: o.moaas! })),
      nauseaEvents: validObservations
        .filter((o) => o.type === "nausea" || o.type === "vomiting")
        .map((o) => ({
          t: Date.parse(o.observedAt),
          type: o.type as "nausea" | "vomiting",
          severity: o.severity,
        })),
      openAlerts: openAlerts.map((a) => ({ parameter: a.parameter, priority: a.priority })),
      baseline,
      checklist: checklist.items,
    },
    profile,
  );
  return {
    evaluatedAt: now.toISOString(),
    profile,
    baseline: { sbp: baseline.sbp ?? null, dbp: baseline.dbp ?? null, hr: baseline.hr ?? null },
    criteria: evaluation.criteria,
    checklist,
    checklistCriteria: evaluation.checklist,
    padss: evaluation.padss,
    unmet: evaluation.unmet,
    ready: evaluation.ready,
  };
}
