import { getAlarmAudio } from "../../../lib/alarm-audio.ts";
import { AlarmControl } from "./alarm-control.tsx";
import { useSoundingAlerts } from "./use-sounding-alerts.ts";

/** The header's alarm sound, wired to the app's audio and to the alerts this user must hear. */
export function AlarmSound() {
  const alerts = useSoundingAlerts();
  return <AlarmControl audio={getAlarmAudio()} alerts={alerts} />;
}
