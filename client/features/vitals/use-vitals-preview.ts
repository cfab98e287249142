import { defaultProfile } from "../../../shared/clinical/engine/profile.ts";
import { type PreviewAlert, previewVitals } from "../../../shared/clinical/engine/step.ts";
import type { VitalValues } from "../../../shared/clinical/engine/types.ts";
import { useAlertContext } from "../alerts/api/get-alert-context.ts";

export interface VitalsPreview {
  alerts: PreviewAlert[];
  /** false until the session's profile and engine state are loaded: the clinic default limits apply. */
  usesSession: boolean;
}

/**
 * What the values typed so far will raise or upgrade, with the session's profile and engine state
 * (baseline, the previous reading for confirmation, open alerts), at the reading's time.
 */
export function useVitalsPreview(sessionId: string, values: VitalValues, observedAt: string | null) {
  const { data } = useAlertContext(sessionId);
  const parsed = observedAt ? Date.parse(observedAt) : Number.NaN;
  const t = Number.isNaN(parsed) ? Date.now() : parsed;
  if (Object.keys(values).length === 0) return { alerts: [], usesSession: data !== undefined };
  const alerts = data
    ? previewVitals(data.state, values, t, data.profile)
    : previewVitals(null, values, t, defaultProfile);
  return { alerts, usesSession: data !== undefined } satisfies VitalsPreview;
}
