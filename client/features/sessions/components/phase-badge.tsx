import type { Phase } from "../../../../shared/schemas/session.ts";
import { phaseLabels } from "../../../../shared/schemas/session.ts";

export function PhaseBadge({ phase }: { phase: Phase }) {
  return <span className={`phase phase-${phase}`}>{phaseLabels[phase]}</span>;
}
