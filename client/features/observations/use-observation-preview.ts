import { matchLevel, matchObservation } from "../../../shared/clinical/engine/levels.ts";
import { defaultProfile } from "../../../shared/clinical/engine/profile.ts";
import type { ObservationType, Severity } from "../../../shared/schemas/observation.ts";
import { useAlertContext } from "../alerts/api/get-alert-context.ts";
import type { PreviewItem } from "../vitals/components/alert-preview.tsx";

/** The alert an observation will raise under the session's profile (the clinic default until loaded). */
export function useObservationPreview(
  sessionId: string,
  type: ObservationType,
  severity: Severity | null,
  moaas: number | null,
): PreviewItem[] {
  const profile = useAlertContext(sessionId).data?.profile ?? defaultProfile;
  if (type === "sedation") {
    if (moaas === null) return [];
    const level = matchLevel("moaas", moaas, { t: Date.now() }, profile);
    return level ? [{ parameter: "moaas", ...level }] : [];
  }
  const level = matchObservation(type, severity, profile);
  return level ? [{ parameter: "observation", ...level }] : [];
}
