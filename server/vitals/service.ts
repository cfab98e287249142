import type { RecordVitalsResponse } from "../../shared/schemas/session-views.ts";
import type { User } from "../../shared/schemas/user.ts";
import type { RecordVitals } from "../../shared/schemas/vitals.ts";
import type { AppContext } from "../app-context.ts";
import { readingBatcher } from "./reading-batcher.ts";

/**
 * The one way in for vitals, whatever their source (form, simulator, device gateway): idempotent on
 * the client id, stored with clinical and recorded time, evaluated for alerts in the same transaction
 * (group-committed with the other readings arriving at the same moment; see reading-batcher.ts).
 */
export function recordVitals(
  ctx: AppContext,
  user: User,
  sessionId: string,
  input: RecordVitals,
): Promise<RecordVitalsResponse> {
  return readingBatcher(ctx.db, ctx.dbKind).submit({ ctx, user, target: { sessionId }, input });
}
