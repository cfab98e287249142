import { observationTypeLabels } from "../../../shared/schemas/observation.ts";
import type { SessionDetail } from "../../../shared/schemas/session-views.ts";
import { minutesBetween } from "../../lib/time.ts";

export interface ChartPoint {
  t: number;
  sbp?: number;
  dbp?: number;
  map?: number;
  hr?: number;
  spo2?: number;
}

export interface ChartMarker {
  t: number;
  label: string;
  kind: "infusion" | "observation";
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const opt = (v: number | null) => v ?? undefined;

/**
 * Readings as points on "minutes since session start", plus infusion and observation markers. Entries
 * entered in error are left out of the lines and markers (the tables still show them, struck through).
 */
export function chartData(detail: SessionDetail): {
  points: ChartPoint[];
  markers: ChartMarker[];
  maxT: number;
} {
  const start = detail.session.createdAt;
  const points = detail.vitals
    .filter((r) => r.status !== "entered_in_error")
    .map((r) => ({
      t: round1(minutesBetween(start, r.observedAt)),
      sbp: opt(r.sbp),
      dbp: opt(r.dbp),
      map: opt(r.map),
      hr: opt(r.hr),
      spo2: opt(r.spo2),
    }));
  const markers: ChartMarker[] = [];
  const { infusionStartedAt, infusionStoppedAt } = detail.session;
  if (infusionStartedAt)
    markers.push({
      t: round1(minutesBetween(start, infusionStartedAt)),
      label: "Infusion start",
      kind: "infusion",
    });
  if (infusionStoppedAt)
    markers.push({
      t: round1(minutesBetween(start, infusionStoppedAt)),
      label: "Infusion stop",
      kind: "infusion",
    });
  for (const o of detail.observations.filter((x) => x.status !== "entered_in_error")) {
    markers.push({
      t: round1(minutesBetween(start, o.observedAt)),
      label: observationTypeLabels[o.type],
      kind: "observation",
    });
  }
  const maxT = Math.max(10, ...points.map((p) => p.t), ...markers.map((m) => m.t));
  return { points, markers, maxT: Math.ceil(maxT) };
}
