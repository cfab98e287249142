import { useState } from "react";
import { allowedPhaseRequests } from "../../../../shared/clinical/phases.ts";
import type { InfusionSession, Phase } from "../../../../shared/schemas/session.ts";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { useChangePhase } from "../api/change-phase.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

const actions: Partial<Record<Phase, { label: string; question: string }>> = {
  infusing: { label: "Start infusion", question: "Start the infusion now? The start time is recorded." },
  recovery: {
    label: "Stop infusion",
    question: "Stop the infusion and move to recovery? The stop time is recorded.",
  },
};

/** The next phase buttons, each confirmed before it is sent. */
export function PhaseControls({ session }: { session: InfusionSession }) {
  const change = useChangePhase(session.id);
  const [pending, setPending] = useState<Phase | null>(null);
  const targets = allowedPhaseRequests(session.phase).filter((p) => actions[p]);
  if (targets.length === 0 && !change.error) return null;
  const confirming = pending ? actions[pending] : undefined;

  return (
    <section aria-label="Phase" className="phase-controls">
      {targets.map((p) => (
        <button
          key={p}
          type="button"
          className="button button-primary button-large"
          onClick={() => {
            change.reset();
            setPending(p);
          }}
        >
          {actions[p]!.label}
        </button>
      ))}
      {confirming && pending ? (
        <ConfirmDialog
          title={confirming.label}
          question={confirming.question}
          confirmLabel={`Confirm ${confirming.label.toLowerCase()}`}
          busy={change.isPending}
          onConfirm={() => change.mutate(pending, { onSettled: () => setPending(null) })}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <ErrorBanner error={change.error} title="Phase not changed" />
    </section>
  );
}
