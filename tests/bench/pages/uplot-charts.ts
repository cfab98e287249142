import uPlot from "uplot";
import type { SessionDetail } from "../../../shared/schemas/session-views.ts";
import type { VitalsReading } from "../../../shared/schemas/vitals.ts";

type Key = "sbp" | "dbp" | "map" | "hr" | "spo2";
const charts: { keys: Key[]; colors: string[] }[] = [
  { keys: ["sbp", "dbp", "map"], colors: ["#f28b82", "#fdd663", "#a8dab5"] },
  { keys: ["hr"], colors: ["#78d9ec"] },
  { keys: ["spo2"], colors: ["#81c995"] },
];

/** The uPlot baseline: the same three charts from the same readings, every point drawn (no downsampling). */
export class UplotCharts {
  private readonly start: number;
  private readonly columns: Record<Key | "t", number[]> = {
    t: [],
    sbp: [],
    dbp: [],
    map: [],
    hr: [],
    spo2: [],
  };
  private readonly plots: uPlot[];

  constructor(el: HTMLElement, detail: SessionDetail, width: number) {
    this.start = Date.parse(detail.session.createdAt);
    for (const r of detail.vitals) this.push(r);
    this.plots = charts.map(
      (c) =>
        new uPlot(
          {
            width,
            height: 200,
            scales: { x: { time: false } },
            series: [{}, ...c.keys.map((k, i) => ({ label: k, stroke: c.colors[i], width: 2 }))],
          },
          this.data(c.keys),
          el,
        ),
    );
  }

  append(r: VitalsReading) {
    this.push(r);
    this.plots.forEach((p, i) => {
      p.setData(this.data(charts[i]!.keys));
    });
  }

  destroy() {
    for (const p of this.plots) p.destroy();
  }

  private push(r: VitalsReading) {
    this.columns.t.push((Date.parse(r.observedAt) - this.start) / 60_000);
    for (const k of ["sbp", "dbp", "map", "hr", "spo2"] as const) this.columns[k].push(r[k] ?? Number.NaN);
  }

  private data(keys: Key[]): uPlot.AlignedData {
    return [this.columns.t, ...keys.map((k) => this.columns[k])];
  }
}
