import type { Row, Tolerance } from "./metrics.ts";

/** The human-readable alarm-quality tables (stdout of `npm run alarm-quality`). */

const levelLabel = { high: "≥ high", medium: "≥ medium", any: "any" } as const;
const pct = (x: number | null) => (x === null ? "-" : `${(100 * x).toFixed(1)} %`);
const minutes = (sec: number | null) =>
  sec === null ? "-" : `${sec >= 0 ? "+" : "−"}${(Math.abs(sec) / 60).toFixed(1)} min`;

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

export function renderReport(report: {
  sessions: number;
  dir: string;
  profile: string;
  tolerance: Tolerance;
  byParameter: Row[];
  byLabel: Row[];
}): string {
  const after = Object.entries(report.tolerance.afterMin)
    .map(([p, m]) => `${p} ${m}`)
    .join(", ");
  const byParameter = table(
    [
      "parameter",
      "level",
      "alerts/session",
      "alerts",
      "PPV",
      "episodes",
      "caught",
      "sensitivity",
      "latency median",
      "p90",
    ],
    report.byParameter.map((r) => [
      r.key,
      levelLabel[r.level],
      r.alertsPerSession === null ? "-" : r.alertsPerSession.toFixed(3),
      String(r.alerts ?? "-"),
      pct(r.ppv),
      String(r.episodes),
      String(r.caught),
      pct(r.sensitivity),
      minutes(r.latencyMedianSec),
      minutes(r.latencyP90Sec),
    ]),
  );
  const byLabel = table(
    ["label", "level", "episodes", "caught", "sensitivity", "latency median", "p90"],
    report.byLabel
      .filter((r) => r.episodes > 0)
      .map((r) => [
        r.key,
        levelLabel[r.level],
        String(r.episodes),
        String(r.caught),
        pct(r.sensitivity),
        minutes(r.latencyMedianSec),
        minutes(r.latencyP90Sec),
      ]),
  );
  return [
    `Alarm quality of ${report.sessions} sessions in ${report.dir} (profile: ${report.profile})`,
    `Matching: an alert's onset at the level lies from ${report.tolerance.beforeMin} min before an episode of its parameter`,
    `starts to N min after it ends (N: ${after}).`,
    "Levels: an alert counts at ≥ high from when it stood at high, at ≥ medium from when it stood at medium",
    "or high, at any from when it was raised. Latency: first matching onset minus episode start.",
    "",
    "Per alert parameter and level",
    ...byParameter,
    "",
    "Per ground-truth label",
    ...(byLabel.length > 2 ? byLabel : ["(no labelled episodes)"]),
  ].join("\n");
}
