/** Mean arterial pressure, the usual non-invasive estimate: DBP + (SBP - DBP) / 3. */
export function meanArterialPressure(sbp: number, dbp: number): number {
  return Math.round(dbp + (sbp - dbp) / 3);
}
