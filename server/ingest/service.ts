import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { IngestVitals } from "../../shared/schemas/vitals.ts";
import type { AppContext } from "../app-context.ts";
import { activeSessionsInChairs, oneSessionInChair } from "../vitals/chair-sessions.ts";
import { readingBatcher } from "../vitals/reading-batcher.ts";

/** The one active (not discharged) session sitting in a chair: 404 when none, 409 when several. */
export async function activeSessionInChair(ctx: AppContext, chair: string): Promise<string> {
  const sessions = await activeSessionsInChairs(ctx.db, [chair]);
  return oneSessionInChair(chair, sessions.get(chair) ?? []);
}

/**
 * A device's reading, addressed by chair: the chair's active session is resolved inside the same
 * group-committed transaction as the nurse's form readings (recordVitals). A retry (same id) answers the
 * stored reading even if the session has since been discharged, as long as it was recorded for this chair.
 */
export function ingestVitals(
  ctx: AppContext,
  device: User,
  chair: string,
  input: IngestVitals,
): Promise<RecordVitalsResponse> {
  return readingBatcher(ctx.db, ctx.dbKind).submit({ ctx, user: device, target: { chair }, input });
}
