import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { IngestVitals } from "../../shared/schemas/vitals.ts";
import type { AppContext } from "../app-context.ts";
import { HttpError } from "../http/errors.ts";
import { findReadingRow } from "../vitals/repo.ts";
import { recordVitals } from "../vitals/service.ts";

/** The one active (not discharged) session sitting in a chair: 404 when none, 409 when several. */
export async function activeSessionInChair(ctx: AppContext, chair: string): Promise<string> {
  const rows = await ctx.db
    .selectFrom("infusion_sessions")
    .select("id")
    .where("chair", "=", chair)
    .where("phase", "<>", "discharged")
    .limit(3)
    .execute();
  if (rows.length === 0) {
    throw new HttpError(
      404,
      "not_found",
      `No active session in chair ${chair}: start a session in this chair before streaming readings.`,
    );
  }
  if (rows.length > 1) {
    throw new HttpError(
      409,
      "conflict",
      `Chair ${chair} has ${rows.length} active sessions; discharge the stale one so readings go to the right patient.`,
    );
  }
  return rows[0]!.id;
}

/**
 * A device's reading, addressed by chair: resolves the chair's active session and hands over to the
 * same recordVitals service as the nurse's form. A retry (same id) answers the stored reading even if
 * the session has since been discharged, as long as it was recorded for this chair.
 */
export async function ingestVitals(
  ctx: AppContext,
  device: User,
  chair: string,
  input: IngestVitals,
): Promise<RecordVitalsResponse> {
  const stored = await findReadingRow(ctx.db, input.id);
  let sessionId: string;
  if (stored) {
    sessionId = stored.session_id;
    const session = await ctx.db
      .selectFrom("infusion_sessions")
      .select("chair")
      .where("id", "=", sessionId)
      .executeTakeFirst();
    if (session?.chair !== chair) {
      throw new HttpError(409, "conflict", "This reading id is already used by another chair.", {
        issues: [{ path: "id", message: "is already used by another chair" }],
      });
    }
  } else {
    sessionId = await activeSessionInChair(ctx, chair);
  }
  return recordVitals(ctx, device, sessionId, input);
}
