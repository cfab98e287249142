import { useState } from "react";
import { ErrorBanner } from "../../../components/error-banner.tsx";
import { formatDateTime } from "../../../lib/time.ts";
import { useSessionProfile } from "../api/get-session-profile.ts";
import { useOverrideSessionProfile } from "../api/override-session-profile.ts";
import { ProfileEditor } from "./profile-editor.tsx";
import { ProfileHistory } from "./profile-history.tsx";
import { ProfileSummary } from "./profile-summary.tsx";

interface Props {
  sessionId: string;
  /** The supervising physician may override the thresholds for this session. */
  canOverride: boolean;
}

/** Collapsed by default: the effective thresholds of this session, its override and history. */
export function SessionThresholdsPanel({ sessionId, canOverride }: Props) {
  const [open, setOpen] = useState(false);
  const { data, error, isPending } = useSessionProfile(sessionId, open);
  const override = useOverrideSessionProfile(sessionId);
  return (
    <section aria-labelledby="thresholds-heading" className="panel thresholds-panel">
      <h2 id="thresholds-heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls="thresholds-body"
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">{open ? "▾ " : "▸ "}</span>Alert thresholds for this session
        </button>
      </h2>
      <div id="thresholds-body" hidden={!open}>
        {open && isPending ? <p className="muted">Loading…</p> : null}
        <ErrorBanner error={error} title="Could not load the thresholds" />
        {data ? (
          <>
            <p>
              {data.override
                ? `Overridden for this session by ${data.override.changedBy.displayName} on ${formatDateTime(data.override.changedAt)}: “${data.override.reason}”`
                : "Using the clinic default."}
            </p>
            <ProfileSummary profile={data.effective} />
            {canOverride ? (
              <ProfileEditor
                initial={data.effective}
                idPrefix="session"
                heading="Override for this session"
                submitLabel="Save override for this session"
                pending={override.isPending}
                error={override.error}
                onSave={(body, onSaved) => override.mutate(body, { onSuccess: onSaved })}
              />
            ) : null}
            <ProfileHistory
              history={data.history}
              headingId="session-profile-history"
              heading="Threshold history for this session"
            />
          </>
        ) : null}
      </div>
    </section>
  );
}
