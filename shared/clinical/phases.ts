import type { Phase } from "../schemas/session.ts";

/**
 * The phase machine. Entering `discharged` happens only through the physician's signed discharge,
 * so it is not a transition a phase-change request may ask for.
 */
const transitions: Record<Phase, readonly Phase[]> = {
  pre_infusion: ["infusing"],
  infusing: ["recovery"],
  recovery: ["discharged"],
  discharged: [],
};

export function allowedTransitions(from: Phase): readonly Phase[] {
  return transitions[from];
}

export function canTransition(from: Phase, to: Phase): boolean {
  return transitions[from].includes(to);
}

/** Transitions a plain phase-change request may make (discharge needs a signature). */
export function allowedPhaseRequests(from: Phase): Phase[] {
  return transitions[from].filter((to) => to !== "discharged");
}

/** A session is locked (read-only) once discharged. */
export function isLocked(phase: Phase): boolean {
  return phase === "discharged";
}

export function isActive(phase: Phase): boolean {
  return phase !== "discharged";
}
