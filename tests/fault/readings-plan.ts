/** What one simulated bedside monitor sends: HR/SpO2 each second of clinical time, BP now and then. */
export interface PlannedReading {
  id: string;
  observedAt: string;
  source: "monitor";
  hr: number;
  spo2: number;
  sbp?: number;
  dbp?: number;
}

export interface ChairPlan {
  chair: string;
  readings: PlannedReading[];
  /** Whether the plan contains a desaturation (SpO2 < 88 for 40 s) and a systolic spike (>= 200). */
  desaturates: boolean;
  hypertensive: boolean;
}

const BP_EVERY = 30;

/**
 * Clinical time runs one second per reading from `start` (in the past, so a burst of thousands of
 * readings stays a plausible stream). Odd chairs stay normal, so a spurious alert would show too.
 */
export function planChair(chair: string, index: number, count: number, start: number): ChairPlan {
  const desaturates = index % 2 === 0;
  const hypertensive = index % 3 !== 2;
  const desatFrom = Math.floor(count * 0.3);
  const spikeAt = Math.floor(count * 0.6) - (Math.floor(count * 0.6) % BP_EVERY);
  const readings: PlannedReading[] = [];
  for (let k = 0; k < count; k++) {
    const reading: PlannedReading = {
      id: crypto.randomUUID(),
      observedAt: new Date(start + k * 1000).toISOString(),
      source: "monitor",
      hr: 70 + ((k * 7 + index) % 11),
      spo2: desaturates && k >= desatFrom && k < desatFrom + 40 ? 85 : 97 - (k % 2),
    };
    if (k % BP_EVERY === 0) {
      const spike = hypertensive && k === spikeAt;
      reading.sbp = spike ? 205 : 122 + (k % 5);
      reading.dbp = spike ? 92 : 78;
    }
    readings.push(reading);
  }
  return { chair, readings, desaturates, hypertensive };
}
