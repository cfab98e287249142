import { Router } from "express";
import { endpoints } from "../../shared/api/endpoints.ts";
import type { AppContext } from "../app-context.ts";
import { appendAudit, auditActor } from "../audit/log.ts";
import { notFound } from "../http/errors.ts";
import { mount } from "../http/route.ts";
import { findSession } from "../sessions/repo.ts";
import { writeToSession } from "../sessions/session-write.ts";
import { storedEngineState } from "./engine-store.ts";
import {
  appendProfileVersion,
  currentClinicProfile,
  effectiveProfile,
  profileHistory,
} from "./profiles-repo.ts";

/** Threshold profiles: the clinic default (admin) and per-session overrides (physician), each change with a reason. */
export function profileRoutes(ctx: AppContext): Router {
  const router = Router();
  const { db } = ctx;

  async function clinicView() {
    const { profile, builtIn } = await currentClinicProfile(db);
    return { current: profile, isBuiltInDefault: builtIn, history: await profileHistory(db, null) };
  }

  async function sessionView(sessionId: string) {
    if (!(await findSession(db, sessionId))) throw notFound("Session");
    const history = await profileHistory(db, sessionId);
    return { effective: await effectiveProfile(db, sessionId), override: history[0] ?? null, history };
  }

  mount(router, endpoints.getClinicProfile, async () => clinicView());

  mount(router, endpoints.updateClinicProfile, async ({ body, user }) => {
    await db.transaction().execute(async (trx) => {
      const before = (await currentClinicProfile(trx)).profile;
      await appendProfileVersion(trx, {
        sessionId: null,
        profile: body.profile,
        reason: body.reason,
        changedBy: user.id,
        changedAt: ctx.now(),
      });
      await appendAudit(trx, {
        actor: auditActor(user),
        action: "profile.clinic_change",
        entity: "threshold_profile",
        before,
        after: { profile: body.profile, reason: body.reason },
        at: ctx.now(),
      });
    });
    return clinicView();
  });

  mount(router, endpoints.getSessionProfile, async ({ params }) => sessionView(params.id));

  mount(router, endpoints.overrideSessionProfile, async ({ params, body, user }) => {
    // Through the session write path: refused once the session is locked, serialised with its readings.
    await writeToSession(
      ctx,
      params.id,
      async (trx, session) => {
        await appendProfileVersion(trx, {
          sessionId: params.id,
          profile: body.profile,
          reason: body.reason,
          changedBy: user.id,
          changedAt: ctx.now(),
        });
        // Viewers refresh the session's alert context (their form previews) on this event.
        return {
          result: null,
          changes: [{ type: "session:updated" as const, session }],
          auditAfter: { profile: body.profile, reason: body.reason },
        };
      },
      { actor: user, action: "profile.session_override" },
    );
    return sessionView(params.id);
  });

  mount(router, endpoints.getAlertContext, async ({ params }) => {
    const session = await findSession(db, params.id);
    if (!session) throw notFound("Session");
    const profile = await effectiveProfile(db, session.id);
    return { profile, state: await storedEngineState(db, session.id) };
  });

  return router;
}
