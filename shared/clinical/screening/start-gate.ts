import { type BaselineBp, clearanceCovers, evaluateBaseline } from "./baseline-gate.ts";
import type { BlockingAnswer } from "./checklist.ts";
import type { ScreeningProfile } from "./profile.ts";

export type ClearanceKind = "baseline_bp" | "screening";

/** What a stored clearance covers: a baseline value, or one screening record's blocking answers. */
export type ClearanceScope =
  | { kind: "baseline_bp"; sbp: number; dbp: number }
  | { kind: "screening"; screeningId: string };

export interface StartGateInput {
  profile: ScreeningProfile;
  baseline: BaselineBp | null;
  /** The latest screening of the session, with its blocking answers; null when none was recorded. */
  screening: { id: string; blocking: BlockingAnswer[] } | null;
  clearances: readonly ClearanceScope[];
}

export interface GateItem {
  kind: ClearanceKind;
  message: string;
  /** true when a stored clearance covers it. */
  cleared: boolean;
}

export interface StartGate {
  canStart: boolean;
  /** Conditions that need a physician's clearance (cleared or not). */
  blockers: GateItem[];
  cautions: string[];
}

/** Whether the nurse may start the infusion now, and why not. */
export function evaluateStartGate(input: StartGateInput): StartGate {
  const blockers: GateItem[] = [];
  const cautions: string[] = [];
  const baseline = evaluateBaseline(input.baseline, input.profile.baselineBp);
  if (baseline.level === "block" && input.baseline) {
    const bp = input.baseline;
    const cleared = input.clearances.some((c) => c.kind === "baseline_bp" && clearanceCovers(c, bp));
    blockers.push({ kind: "baseline_bp", message: baseline.message, cleared });
  } else if (baseline.level !== "ok") {
    cautions.push(baseline.message);
  }
  if (!input.screening) {
    cautions.push("Pre-infusion screening not recorded.");
  } else if (input.screening.blocking.length > 0) {
    const id = input.screening.id;
    const cleared = input.clearances.some((c) => c.kind === "screening" && c.screeningId === id);
    const answers = input.screening.blocking.map((b) => `${b.label}: ${b.answer}`).join("; ");
    blockers.push({
      kind: "screening",
      message: `Screening answers need a physician's clearance (${answers}).`,
      cleared,
    });
  }
  return { canStart: blockers.every((b) => b.cleared), blockers, cautions };
}

/** The 409 message when the start is refused: every uncleared blocker, named. */
export function refusalMessage(gate: StartGate): string {
  const open = gate.blockers.filter((b) => !b.cleared).map((b) => b.message);
  return `Cannot start the infusion. ${open.join(" ")}`;
}
