import { openDatabase } from "../../server/db/database.ts";
import type { VitalsReadingsTable } from "../../server/db/tables/sessions.ts";
import { defaultProfile } from "../../shared/clinical/engine/profile.ts";
import { type EngineState, initialState } from "../../shared/clinical/engine/state.ts";
import { step } from "../../shared/clinical/engine/step.ts";
import type { AlertParameter } from "../../shared/schemas/alert.ts";
import type { Store } from "./clinic-setup.ts";
import type { ReadingRecord } from "./device.ts";

/** The parameters the streams cross on purpose; alerts of these must match what was stored. */
const checkedParameters: AlertParameter[] = ["sbp", "spo2"];

export interface StoreReport {
  stored: number;
  alerts: number;
  /** Acknowledged readings that are missing or stored with other values. */
  lostOrAltered: string[];
  /** The same reading stored more than once (same session, time and values under another id). */
  duplicates: string[];
  /** Stored readings nobody sent. */
  strangers: string[];
  /** Per session: alerts the rules require from the stored readings versus alerts stored. */
  alertMismatches: string[];
}

const contentKey = (r: Pick<VitalsReadingsTable, "session_id" | "hr" | "spo2" | "sbp" | "dbp">, t: number) =>
  [r.session_id, t, r.hr, r.spo2, r.sbp, r.dbp].join("|");

/** The alerts the pure engine raises for the stored readings in clinical-time order. */
function requiredAlerts(rows: VitalsReadingsTable[]): Set<AlertParameter> {
  let state: EngineState = initialState();
  const raised = new Set<AlertParameter>();
  const sorted = [...rows].sort((a, b) => a.observed_at.getTime() - b.observed_at.getTime());
  for (const r of sorted) {
    const values = Object.fromEntries(
      (["sbp", "dbp", "hr", "spo2", "rr"] as const).filter((p) => r[p] !== null).map((p) => [p, r[p]]),
    );
    const result = step(
      state,
      { kind: "vitals", t: r.observed_at.getTime(), source: r.source, ...values },
      defaultProfile,
    );
    state = result.state;
    for (const e of result.events) if (e.event === "raised") raised.add(e.parameter);
  }
  return new Set(checkedParameters.filter((p) => raised.has(p)));
}

/** Opens the stopped server's store and compares it with what the devices sent and were told. */
export async function verifyStore(
  store: Store,
  sessions: Map<string, string>,
  records: ReadingRecord[],
): Promise<StoreReport> {
  const handle = await openDatabase(store);
  try {
    const sessionIds = [...sessions.values()];
    const rows = await handle.db
      .selectFrom("vitals_readings")
      .selectAll()
      .where("session_id", "in", sessionIds)
      .execute();
    const alerts = await handle.db
      .selectFrom("alerts")
      .select(["session_id", "parameter"])
      .where("session_id", "in", sessionIds)
      .execute();
    const report: StoreReport = {
      stored: rows.length,
      alerts: alerts.length,
      lostOrAltered: [],
      duplicates: [],
      strangers: [],
      alertMismatches: [],
    };
    const byId = new Map(rows.map((r) => [r.id, r]));
    const sent = new Set(records.map((r) => r.reading.id));
    for (const record of records) {
      if (record.ackStatus === null) continue;
      const { reading } = record;
      const row = byId.get(reading.id);
      const same =
        row !== undefined &&
        row.session_id === sessions.get(record.chair) &&
        row.observed_at.getTime() === Date.parse(reading.observedAt) &&
        row.hr === reading.hr &&
        row.spo2 === reading.spo2 &&
        row.sbp === (reading.sbp ?? null) &&
        row.dbp === (reading.dbp ?? null);
      if (!same) report.lostOrAltered.push(`${record.chair} ${reading.id} ${row ? "altered" : "missing"}`);
    }
    const seen = new Map<string, string>();
    for (const row of rows) {
      if (!sent.has(row.id)) report.strangers.push(row.id);
      const key = contentKey(row, row.observed_at.getTime());
      const earlier = seen.get(key);
      if (earlier) report.duplicates.push(`${earlier} and ${row.id}: ${key}`);
      seen.set(key, row.id);
    }
    for (const [chair, sessionId] of sessions) {
      const required = requiredAlerts(rows.filter((r) => r.session_id === sessionId));
      const present = new Set(
        alerts
          .filter((a) => a.session_id === sessionId && checkedParameters.includes(a.parameter))
          .map((a) => a.parameter),
      );
      const want = [...required].sort().join(",");
      const have = [...present].sort().join(",");
      if (want !== have)
        report.alertMismatches.push(`chair ${chair}: rules require [${want}], stored [${have}]`);
    }
    return report;
  } finally {
    await handle.close();
  }
}
