import type { ScreeningProfile } from "./profile.ts";

export type BaselineLevel = "ok" | "caution" | "block" | "missing";

export interface BaselineBp {
  sbp: number;
  dbp: number;
}

export interface BaselineGate {
  level: BaselineLevel;
  message: string;
}

/**
 * The baseline BP gate on starting an infusion: at or above the caution limits (default 140/90) a
 * caution; at or above the block limits (default 160/100) the infusion needs a physician's clearance.
 * Either value reaching its limit counts. Without a baseline BP, a caution to record one.
 */
export function evaluateBaseline(
  bp: BaselineBp | null,
  limits: ScreeningProfile["baselineBp"],
): BaselineGate {
  if (!bp)
    return { level: "missing", message: "No baseline BP recorded: record one before starting the infusion." };
  const value = `${bp.sbp}/${bp.dbp}`;
  if (bp.sbp >= limits.blockSbp || bp.dbp >= limits.blockDbp) {
    return {
      level: "block",
      message:
        `Baseline BP ${value} mmHg is at or above the limit of ${limits.blockSbp}/${limits.blockDbp}: ` +
        "the infusion cannot start until a physician records a clearance with a reason.",
    };
  }
  if (bp.sbp >= limits.cautionSbp || bp.dbp >= limits.cautionDbp) {
    return {
      level: "caution",
      message: `Caution: baseline BP ${value} mmHg is at or above ${limits.cautionSbp}/${limits.cautionDbp}.`,
    };
  }
  return {
    level: "ok",
    message: `Baseline BP ${value} mmHg is below ${limits.cautionSbp}/${limits.cautionDbp}.`,
  };
}

/**
 * A physician's clearance of a baseline covers that value and any lower one: a later, higher reading
 * needs a new clearance.
 */
export function clearanceCovers(cleared: BaselineBp, current: BaselineBp): boolean {
  return current.sbp <= cleared.sbp && current.dbp <= cleared.dbp;
}
