import type { InfusionSession } from "../../shared/schemas/session.ts";
import { HttpError } from "../http/errors.ts";

const FUTURE_TOLERANCE_MS = 2 * 60_000;
const BEFORE_SESSION_TOLERANCE_MS = 60 * 60_000;

/** A clinical time must be plausible for the session: not in the future, not long before it began. */
export function checkObservedAt(observedAt: Date, session: InfusionSession, now: Date): void {
  if (observedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    throw new HttpError(400, "validation_failed", "Invalid request: observedAt is in the future", {
      issues: [{ path: "observedAt", message: "is in the future" }],
    });
  }
  if (observedAt.getTime() < new Date(session.createdAt).getTime() - BEFORE_SESSION_TOLERANCE_MS) {
    throw new HttpError(400, "validation_failed", "Invalid request: observedAt is before the session began", {
      issues: [{ path: "observedAt", message: "is more than an hour before the session began" }],
    });
  }
}
