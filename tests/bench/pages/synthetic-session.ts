import { makeDetail, makeReading, makeSession, t0 } from "../../../client/testing/fixtures.ts";
import { meanArterialPressure } from "../../../shared/clinical/vitals.ts";
import type { SessionDetail } from "../../../shared/schemas/session-views.ts";
import type { VitalsReading } from "../../../shared/schemas/vitals.ts";

/** Synthetic monitor data: slow drift plus noise, deterministic, with one BP spike and one SpO2 dip. */
export function syntheticReading(second: number): VitalsReading {
  const wave = (period: number, amplitude: number) => Math.sin((second / period) * 2 * Math.PI) * amplitude;
  const noise = (k: number) => ((second * k) % 7) - 3;
  let sbp = Math.round(125 + wave(1800, 12) + noise(3));
  const dbp = Math.round(78 + wave(1800, 6) + noise(5) / 2);
  if (second === 3000) sbp = 212;
  const spo2 = second === 5000 ? 84 : Math.round(97 + wave(600, 1.2));
  const at = new Date(Date.parse(t0) + second * 1000).toISOString();
  return makeReading({
    observedAt: at,
    recordedAt: at,
    source: "monitor",
    sbp,
    dbp,
    map: meanArterialPressure(sbp, dbp),
    hr: Math.round(78 + wave(900, 8) + noise(2)),
    spo2,
    rr: 14,
  });
}

export function syntheticDetail(seconds: number): SessionDetail {
  return makeDetail({
    session: makeSession({ createdAt: t0 }),
    vitals: Array.from({ length: seconds }, (_, s) => syntheticReading(s)),
  });
}
