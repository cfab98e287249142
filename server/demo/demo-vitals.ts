/**
 * A deliberately simple stand-in for a bedside monitor (the physiological simulator replaces it):
 * a ketamine-like rise in BP and HR during the infusion, back down over recovery. Chair 2 is a
 * hypertensive responder so a newcomer sees an alert.
 */
export interface DemoProfile {
  chair: string;
  infusionStartedAt: string | null;
  infusionStoppedAt: string | null;
}

export function demoVitals(profile: DemoProfile, at: Date, withBp: boolean) {
  const minutesSince = (iso: string | null) => (iso ? (at.getTime() - Date.parse(iso)) / 60_000 : 0);
  const infusing = profile.infusionStartedAt !== null && profile.infusionStoppedAt === null;
  const stoppedMinutes = minutesSince(profile.infusionStoppedAt);
  const peak = Math.min(1, minutesSince(profile.infusionStartedAt) / 35);
  const rise = infusing ? peak : profile.infusionStoppedAt ? Math.max(0, 1 - stoppedMinutes / 60) : 0;
  const responder = profile.chair === "2";
  const wobble = Math.sin(at.getTime() / 47_000 + profile.chair.charCodeAt(0));
  const sbp = Math.round((responder ? 146 : 121) + rise * (responder ? 32 : 14) + wobble * 3);
  return {
    source: "monitor" as const,
    hr: Math.round(74 + rise * 12 + wobble * 4),
    spo2: Math.round(97 + Math.sign(wobble)),
    ...(withBp ? { sbp, dbp: Math.round(sbp * 0.6), rr: 14 } : {}),
  };
}
