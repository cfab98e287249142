import { allowedTransitions } from "../../shared/clinical/phases.ts";
import { dischargeSignatureMeaning, type SignDischargeRequest } from "../../shared/schemas/discharge.ts";
import type { SessionDetail } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import { alertChanges, runEngine } from "../alerts/run-engine.ts";
import type { AppContext } from "../app-context.ts";
import { appendAuditNow, auditActor } from "../audit/log.ts";
import { verifyPassword } from "../auth/passwords.ts";
import { findUserById } from "../auth/repo.ts";
import { HttpError } from "../http/errors.ts";
import { updatePhase } from "../sessions/repo.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { buildDetail, buildSummary } from "../sessions/views.ts";
import { resolveOverrides } from "./overrides.ts";
import { loadDischargeReadiness } from "./readiness.ts";
import { insertDischarge } from "./repo.ts";

/**
 * The physician's electronic signature: the password is re-entered and checked, the meaning of the
 * signature is stored with it, and the session moves to `discharged`, which locks the record. Unmet
 * discharge criteria (automatic, checklist, PADSS) refuse the signature with 409 unless each has a
 * written override reason; the overrides and the readiness at that moment are stored with it.
 */
export async function signDischarge(
  ctx: AppContext,
  user: User,
  sessionId: string,
  input: SignDischargeRequest,
): Promise<SessionDetail> {
  const signer = await findUserById(ctx.db, user.id);
  if (!signer || !(await verifyPassword(input.password, signer.password_hash))) {
    await appendAuditNow(ctx.db, {
      actor: auditActor(user),
      action: "discharge.signature_refused",
      entity: "session",
      entityId: sessionId,
      sessionId,
      after: { reason: "wrong password" },
      at: ctx.now(),
    });
    throw new HttpError(
      400,
      "validation_failed",
      "Invalid request: password is incorrect; the discharge was not signed",
      {
        issues: [{ path: "password", message: "is incorrect; the discharge was not signed" }],
      },
    );
  }
  const session = await writeToSession(
    ctx,
    sessionId,
    async (trx, current) => {
      if (!allowedTransitions(current.phase).includes("discharged")) {
        throw new HttpError(
          409,
          "invalid_transition",
          `A session in ${current.phase} cannot be discharged; stop the infusion first.`,
          {
            allowed: [...allowedTransitions(current.phase)],
          },
        );
      }
      const now = ctx.now();
      const readiness = await loadDischargeReadiness(trx, current, now);
      const overrides = resolveOverrides(readiness, input.overrides);
      await insertDischarge(
        trx,
        {
          session_id: sessionId,
          signed_by: user.id,
          signed_at: now,
          meaning: dischargeSignatureMeaning,
          note: input.note || null,
          readiness,
        },
        overrides,
      );
      const updated = await updatePhase(trx, current, "discharged", user.id, now);
      const alerts = await runEngine(
        trx,
        updated,
        { kind: "phase", t: now.getTime(), phase: "discharged" },
        now,
      );
      return {
        result: updated,
        changes: [{ type: "session:updated" as const, session: updated }, ...alertChanges(alerts)],
        auditAfter: { session: updated, note: input.note || null, readiness, overrides },
      };
    },
    { actor: user, action: "discharge.sign" },
  );
  ctx.publisher.stationChanged(await buildSummary(ctx.db, session));
  return buildDetail(ctx.db, sessionId, ctx.now());
}
