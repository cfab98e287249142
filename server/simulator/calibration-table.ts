import type { CalibrationReport } from "./calibration.ts";

/** The calibration report as a Markdown table for the README. */

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const ms = (s: { mean: number; sd: number }) => `+${s.mean.toFixed(1)} (SD ${s.sd.toFixed(1)})`;

export function calibrationMarkdown(r: CalibrationReport, seed?: number): string {
  const p = r.published;
  const rows: [string, string, string][] = [
    [
      "Peak SBP rise, as measured (one reading at peak minus one baseline reading)",
      `${ms(r.sbpMeasuredRise)} mmHg`,
      `+${p.peakSbpRise.mean} (SD ${p.peakSbpRise.sd}) mmHg, Yale 2024`,
    ],
    [
      "Peak DBP rise, as measured",
      `${ms(r.dbpMeasuredRise)} mmHg`,
      `+${p.peakDbpRise.mean} (SD ${p.peakDbpRise.sd}) mmHg, Yale 2024`,
    ],
    [
      "Peak SBP / DBP rise of the noise-free signal",
      `${ms(r.sbpRiseAtPeak)} / ${ms(r.dbpRiseAtPeak)} mmHg`,
      "-",
    ],
    [
      "Peak of the mean BP curve, min after infusion start",
      `${r.meanCurvePeakMinute}`,
      `${p.peakMinute.value} (readings every 10 min), Yale 2024`,
    ],
    ["HR rise at the peak", `${ms(r.hrRiseAtPeak)} bpm`, "modest, unquantified (clinical.md section 1)"],
    [
      "SBP rise 90 min after the infusion stops",
      `${r.sbpRise90AfterStop.mean.toFixed(1)} mmHg`,
      "back to baseline within 1.5 h, Szarmach 2020",
    ],
    [
      "Sessions with severe hypertension (SBP ≥ 180 or DBP ≥ 110 for ≥ 5 min)",
      `${pct(r.severeShare)} (${r.severeSessions})`,
      `${pct(p.severeShare.value)}, Yale 2024`,
    ],
    [
      "... of which in infusions 1-3",
      pct(r.severeInFirstThreeShare),
      `${pct(p.severeInFirstThree.value)}, Yale 2024 (sessions that are infusions 1-3: ${pct(r.firstThreeSessionShare)})`,
    ],
    [
      "Sessions reaching ≥ 165/100 at some point",
      pct(r.reached165over100Share),
      `${pct(p.reached165over100.value)} of patients over a course, Rodrigues 2022`,
    ],
    [
      "Sessions with SBP > +40 or DBP > +25 (noise-free)",
      pct(r.relativeRise40or25Share),
      "8-19 % with esketamine (label; another drug)",
    ],
    [
      "Hypertensive patients",
      pct(r.hypertensivePatientShare),
      "chosen: ~36 % (30-45 % of adult psychiatric outpatients)",
    ],
  ];
  for (const b of r.byAgeBand) {
    rows.push([
      `Age ${b.band} (${b.sessions}): SBP/DBP rise, severe`,
      `+${b.sbpRise.toFixed(1)}/+${b.dbpRise.toFixed(1)}, ${pct(b.severeShare)}`,
      "risk rises with age, Yale 2024",
    ]);
  }
  for (const h of r.byHypertension) {
    rows.push([
      `${h.hypertensive ? "Hypertensive" : "Normotensive"} (${h.sessions}): SBP/DBP rise, severe`,
      `+${h.sbpRise.toFixed(1)}/+${h.dbpRise.toFixed(1)}, ${pct(h.severeShare)}`,
      "hypertensive patients peak higher, Riva-Posse 2018",
    ]);
  }
  for (const g of r.byInfusion) {
    rows.push([
      `Infusions ${g.group} (${g.sessions}): SBP/DBP rise, severe`,
      `+${g.sbpRise.toFixed(1)}/+${g.dbpRise.toFixed(1)}, ${pct(g.severeShare)}`,
      "more in the first infusions, Yale 2024",
    ]);
  }
  const head = `Calibration on ${r.sessions} simulated sessions${seed === undefined ? "" : ` (seed ${seed})`}:`;
  const table = rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`);
  return [head, "", "| figure | simulated cohort | published |", "|---|---|---|", ...table].join("\n");
}
