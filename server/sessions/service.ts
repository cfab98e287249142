import { totalDoseMg } from "../../shared/clinical/dose.ts";
import { allowedPhaseRequests } from "../../shared/clinical/phases.ts";
import type { CreateSessionRequest, InfusionSession, Phase } from "../../shared/schemas/session.ts";
import type { User } from "../../shared/schemas/user.ts";
import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import { appendAudit, auditActor } from "../audit/log.ts";
import { assignToCourse } from "../courses/assign.ts";
import { HttpError } from "../http/errors.ts";
import { findPatient } from "../patients/repo.ts";
import { assertCanStartInfusion } from "../screening/service.ts";
import { insertSession, updatePhase } from "./repo.ts";
import { writeToSession } from "./session-write.ts";
import { buildSummary } from "./views.ts";

export async function createSession(
  ctx: AppContext,
  user: User,
  input: CreateSessionRequest,
): Promise<InfusionSession> {
  const patient = await findPatient(ctx.db, input.patientId);
  if (!patient) {
    throw new HttpError(400, "validation_failed", "Invalid request: patientId does not match a patient", {
      issues: [{ path: "patientId", message: "does not match a patient" }],
    });
  }
  const now = ctx.now();
  // The session and its place in the patient's course (infusion number) are written together.
  const session = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertSession(trx, {
      id: crypto.randomUUID(),
      patient_id: patient.id,
      chair: input.chair,
      weight_kg: input.weightKg,
      dose_mg_per_kg: input.doseMgPerKg,
      total_dose_mg: totalDoseMg(input.weightKg, input.doseMgPerKg),
      planned_duration_min: input.plannedDurationMin,
      phase: "pre_infusion",
      created_by: user.id,
      created_at: now,
      phase_changed_at: now,
      infusion_started_at: null,
      infusion_stopped_at: null,
      discharged_at: null,
    });
    await assignToCourse(trx, patient.id, created.id, now);
    await appendAudit(trx, {
      actor: auditActor(user),
      action: "session.create",
      entity: "session",
      entityId: created.id,
      sessionId: created.id,
      after: created,
      at: now,
    });
    return created;
  });
  ctx.publisher.stationChanged(await buildSummary(ctx.db, session));
  return session;
}

export async function changePhase(
  ctx: AppContext,
  user: User,
  sessionId: string,
  to: Phase,
): Promise<InfusionSession> {
  const session = await writeToSession(
    ctx,
    sessionId,
    async (trx, current) => {
      const allowed = allowedPhaseRequests(current.phase);
      if (!allowed.includes(to)) {
        const hint = to === "discharged" ? " Discharge needs the physician's signature." : "";
        throw new HttpError(
          409,
          "invalid_transition",
          `Cannot move from ${current.phase} to ${to}.${hint} Allowed: ${allowed.join(", ") || "none"}.`,
          { allowed },
        );
      }
      // The baseline gate and screening: 409 until a physician clears a blocking value or answer.
      if (to === "infusing") await assertCanStartInfusion(trx, current);
      const now = ctx.now();
      const updated = await updatePhase(trx, current, to, user.id, now);
      const alerts = await runEngine(trx, updated, { kind: "phase", t: now.getTime(), phase: to }, now);
      return {
        result: updated,
        changes: [{ type: "session:updated" as const, session: updated }, ...alertChanges(alerts)],
      };
    },
    { actor: user, action: "phase.change" },
  );
  ctx.publisher.stationChanged(await buildSummary(ctx.db, session));
  return session;
}
