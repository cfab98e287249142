/** PHQ-9 (self-report, nine items 0-3, total 0-27) and MADRS (clinician, 0-60). Pure. */
export const PHQ9_ITEMS = [
  "Little interest or pleasure in doing things",
  "Feeling down, depressed, or hopeless",
  "Trouble falling or staying asleep, or sleeping too much",
  "Feeling tired or having little energy",
  "Poor appetite or overeating",
  "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
  "Trouble concentrating on things, such as reading the newspaper or watching television",
  "Moving or speaking so slowly that other people could have noticed, or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
  "Thoughts that you would be better off dead, or of hurting yourself in some way",
] as const;

export const PHQ9_ANSWERS = [
  { value: 0, label: "Not at all" },
  { value: 1, label: "Several days" },
  { value: 2, label: "More than half the days" },
  { value: 3, label: "Nearly every day" },
] as const;

export const PHQ9_MAX = 27;
export const MADRS_MAX = 60;

export type Phq9Severity = "minimal" | "mild" | "moderate" | "moderately_severe" | "severe";

/** Kroenke 2001 bands: 0-4, 5-9, 10-14, 15-19, 20-27. */
const phq9Bands: readonly { min: number; severity: Phq9Severity; label: string }[] = [
  { min: 20, severity: "severe", label: "Severe" },
  { min: 15, severity: "moderately_severe", label: "Moderately severe" },
  { min: 10, severity: "moderate", label: "Moderate" },
  { min: 5, severity: "mild", label: "Mild" },
  { min: 0, severity: "minimal", label: "Minimal" },
];

export function phq9Total(items: readonly number[]): number {
  return items.reduce((sum, v) => sum + v, 0);
}

export function phq9Severity(total: number): { severity: Phq9Severity; label: string } {
  const band = phq9Bands.find((b) => total >= b.min) ?? phq9Bands.at(-1)!;
  return { severity: band.severity, label: band.label };
}

/** Common MADRS bands: 0-6 normal, 7-19 mild, 20-34 moderate, 35-60 severe. */
export function madrsSeverity(total: number): string {
  if (total >= 35) return "Severe";
  if (total >= 20) return "Moderate";
  if (total >= 7) return "Mild";
  return "Normal";
}
