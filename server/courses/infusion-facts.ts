import type { Kysely, Transaction } from "kysely";
import { observationTypeLabels } from "../../shared/schemas/observation.ts";
import type { Database } from "../db/schema.ts";

type Db = Kysely<Database> | Transaction<Database>;

export interface InfusionFacts {
  peakSbp: number | null;
  peakDbp: number | null;
  alertsCount: number;
  sideEffects: string[];
}

const severityRank: Record<string, number> = { mild: 1, moderate: 2, severe: 3 };

/** Per session: peak BP (readings entered in error left out), alerts raised and side effects observed. */
export async function infusionFacts(db: Db, sessionIds: string[]): Promise<Map<string, InfusionFacts>> {
  const facts = new Map<string, InfusionFacts>(
    sessionIds.map((id) => [id, { peakSbp: null, peakDbp: null, alertsCount: 0, sideEffects: [] }]),
  );
  if (sessionIds.length === 0) return facts;
  const peaks = await db
    .selectFrom("vitals_readings")
    .select((eb) => ["session_id", eb.fn.max("sbp").as("sbp"), eb.fn.max("dbp").as("dbp")])
    .where("session_id", "in", sessionIds)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("reading_amendments")
            .select("reading_amendments.reading_id")
            .whereRef("reading_amendments.reading_id", "=", "vitals_readings.id"),
        ),
      ),
    )
    .groupBy("session_id")
    .execute();
  for (const p of peaks) {
    const f = facts.get(p.session_id)!;
    f.peakSbp = p.sbp === null ? null : Number(p.sbp);
    f.peakDbp = p.dbp === null ? null : Number(p.dbp);
  }
  const alerts = await db
    .selectFrom("alerts")
    .select((eb) => ["session_id", eb.fn.countAll<string>().as("n")])
    .where("session_id", "in", sessionIds)
    .groupBy("session_id")
    .execute();
  for (const a of alerts) facts.get(a.session_id)!.alertsCount = Number(a.n);
  const observations = await db
    .selectFrom("observations")
    .select(["session_id", "type", "severity"])
    .where("session_id", "in", sessionIds)
    .where("type", "<>", "sedation")
    .orderBy("observed_at")
    .execute();
  const worst = new Map<string, Map<string, string | null>>();
  for (const o of observations) {
    const byType = worst.get(o.session_id) ?? new Map<string, string | null>();
    const seen = byType.get(o.type);
    if (seen === undefined || (severityRank[o.severity ?? ""] ?? 0) > (severityRank[seen ?? ""] ?? 0)) {
      byType.set(o.type, o.severity);
    }
    worst.set(o.session_id, byType);
  }
  for (const [sessionId, byType] of worst) {
    facts.get(sessionId)!.sideEffects = [...byType].map(([type, severity]) => {
      const label = observationTypeLabels[type as keyof typeof observationTypeLabels] ?? type;
      return severity ? `${label} (${severity})` : label;
    });
  }
  return facts;
}
