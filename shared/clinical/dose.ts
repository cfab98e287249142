/** Total dose in mg, rounded to 0.1 mg as drawn up in practice. */
export function totalDoseMg(weightKg: number, doseMgPerKg: number): number {
  return Math.round(weightKg * doseMgPerKg * 10) / 10;
}

/** Infusion rate in mg/h for a planned duration. */
export function infusionRateMgPerHour(totalMg: number, durationMin: number): number {
  return Math.round((totalMg / durationMin) * 60 * 10) / 10;
}
