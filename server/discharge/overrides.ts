import type { DischargeOverride, DischargeOverrideRequest } from "../../shared/schemas/discharge.ts";
import type { DischargeReadiness } from "../../shared/schemas/discharge-readiness.ts";
import { HttpError } from "../http/errors.ts";

/**
 * Matches the physician's overrides with the unmet criteria: each unmet one needs a written reason,
 * or the signature is refused with 409 listing what is unmet. Overrides of criteria that are met are
 * not stored (nothing was overridden).
 */
export function resolveOverrides(
  readiness: DischargeReadiness,
  requested: readonly DischargeOverrideRequest[] = [],
): DischargeOverride[] {
  const reasons = new Map(requested.map((o) => [o.criterionId, o.reason.trim()]));
  const missing = readiness.unmet.filter((c) => !reasons.get(c.id));
  if (missing.length > 0) {
    const list = missing.map((c) => `${c.label} (${c.reason})`).join("; ");
    throw new HttpError(
      409,
      "discharge_criteria_unmet",
      `Discharge criteria not met: ${list}. Sign only with a written override reason for each.`,
      {
        issues: missing.map((c) => ({
          path: `overrides.${c.id}`,
          message: `${c.label}: not met (${c.reason}); give a written reason to override`,
        })),
      },
    );
  }
  return readiness.unmet.map((c) => ({
    criterionId: c.id,
    label: c.label,
    unmetReason: c.reason,
    reason: reasons.get(c.id)!,
  }));
}
