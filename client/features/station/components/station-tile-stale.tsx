import { defaultProfile } from "../../../../shared/clinical/engine/profile.ts";
import type { SessionSummary } from "../../../../shared/schemas/session-views.ts";
import { formatElapsed } from "../../../lib/time.ts";

export type TileParameter = "BP" | "HR" | "SpO2" | "RR";

const monitorParameters: readonly TileParameter[] = ["HR", "SpO2"];

/**
 * Parameters whose newest value is older than expected, so the number on the tile is not "now":
 * a monitor-fed HR/SpO2 after the profile's stale-stream time (60 s by default); a manual value after
 * twice the phase's BP interval (20 min infusing, 30 min recovery). Uses the clinic default profile:
 * the summary does not carry a session's own. Only where readings are expected (infusing, recovery).
 */
export function staleParameters(summary: SessionSummary, now: number): Map<TileParameter, number> {
  const stale = new Map<TileParameter, number>();
  const { session, latestValues, latestVitals } = summary;
  const intervalMin = defaultProfile.overdue.intervalMinutes[session.phase];
  if (intervalMin === undefined) return stale;
  const monitorFed = latestVitals?.source === "monitor";
  const times: Record<TileParameter, string | undefined> = {
    BP: latestValues.sbp?.observedAt,
    HR: latestValues.hr?.observedAt,
    SpO2: latestValues.spo2?.observedAt,
    RR: latestValues.rr?.observedAt,
  };
  for (const [parameter, observedAt] of Object.entries(times) as [TileParameter, string | undefined][]) {
    if (!observedAt) continue;
    const age = now - Date.parse(observedAt);
    const limit =
      monitorFed && monitorParameters.includes(parameter)
        ? defaultProfile.stale.seconds * 1000
        : 2 * intervalMin * 60_000;
    if (age > limit) stale.set(parameter, age);
  }
  return stale;
}

/** Says which values are stale and for how long, in text (not colour only). */
export function StaleNote({ stale }: { stale: Map<TileParameter, number> }) {
  if (stale.size === 0) return null;
  const parts = [...stale].map(([p, age]) => `${p} last ${formatElapsed(age)} ago`);
  return (
    <p className="banner banner-error tile-stale">⌛ Stale: {parts.join(", ")}; no newer value received.</p>
  );
}
