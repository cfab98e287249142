import type { Kysely, Transaction } from "kysely";
import { evaluateBaseline } from "../../shared/clinical/screening/baseline-gate.ts";
import { questionsFor } from "../../shared/clinical/screening/checklist.ts";
import { defaultScreeningProfile, type ScreeningProfile } from "../../shared/clinical/screening/profile.ts";
import { evaluateStartGate, type StartGate } from "../../shared/clinical/screening/start-gate.ts";
import type { PreInfusionStatus } from "../../shared/schemas/screening.ts";
import type { InfusionSession } from "../../shared/schemas/session.ts";
import { listOutcomes } from "../courses/outcomes-repo.ts";
import type { Database } from "../db/schema.ts";
import { iso } from "../db/time.ts";
import { listClearances, publicClearance } from "./clearances-repo.ts";
import { latestBaselineBp, latestScreening, screeningKindFor } from "./screening-repo.ts";

type Db = Kysely<Database> | Transaction<Database>;

/** The clinic's screening profile (settings as data; the built-in default until an editor exists). */
export function screeningProfile(): ScreeningProfile {
  return defaultScreeningProfile;
}

/** Everything the start of an infusion depends on, read in one place (the gate and the panel agree). */
export async function preInfusionState(db: Db, session: InfusionSession) {
  const profile = screeningProfile();
  const [kind, screening, bpRow, clearances] = await Promise.all([
    screeningKindFor(db, session),
    latestScreening(db, session.id),
    latestBaselineBp(db, session.id),
    listClearances(db, [session.id]),
  ]);
  const baseline = bpRow ? { sbp: bpRow.sbp!, dbp: bpRow.dbp!, observedAt: iso(bpRow.observed_at) } : null;
  const gate: StartGate = evaluateStartGate({
    profile,
    baseline,
    screening: screening ? { id: screening.id, blocking: screening.blocking } : null,
    clearances: clearances.map((c) => c.scope),
  });
  return { profile, kind, screening, baseline, clearances, gate };
}

export async function preInfusionStatus(db: Db, session: InfusionSession): Promise<PreInfusionStatus> {
  const state = await preInfusionState(db, session);
  const baselineGate = evaluateBaseline(state.baseline, state.profile.baselineBp);
  return {
    sessionId: session.id,
    kind: state.kind,
    profile: state.profile,
    questions: questionsFor(state.profile, state.kind),
    screening: state.screening,
    baseline: state.baseline,
    baselineLevel: baselineGate.level,
    baselineMessage: baselineGate.message,
    canStart: state.gate.canStart,
    blockers: state.gate.blockers,
    cautions: state.gate.cautions,
    clearances: state.clearances.map(publicClearance),
    outcomes: await listOutcomes(db, { sessionId: session.id }),
  };
}
