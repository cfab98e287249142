import { Link } from "react-router";
import { type AlertPriority, priorityRank } from "../../../../shared/schemas/alert.ts";
import type { SessionSummary } from "../../../../shared/schemas/session-views.ts";
import { formatClock } from "../../../lib/time.ts";
import { useNow } from "../../../lib/use-now.ts";
import { isEscalated } from "../../alerts/alert-display.ts";
import { EscalatedBadge } from "../../alerts/components/escalated-badge.tsx";
import { PriorityBadge } from "../../alerts/components/priority-badge.tsx";
import { useShownProvisionals } from "../../alerts/provisional/provisional-cache.ts";
import { worstWithProvisionals } from "../../alerts/provisional/provisional-display.ts";
import { ProvisionalTag } from "../../alerts/provisional/provisional-tag.tsx";
import type { ProvisionalEntry } from "../../alerts/provisional/reconcile.ts";
import { entriesText, useOutboxCounts } from "../../outbox/use-outbox.ts";
import { PhaseBadge } from "../../sessions/components/phase-badge.tsx";
import { SessionTimers } from "../../sessions/components/session-timers.tsx";
import { StaleNote, staleParameters, type TileParameter } from "./station-tile-stale.tsx";

type Latest = SessionSummary["latestValues"];

const show = (v: { value: number } | null) => (v ? String(v.value) : "—");

function newestTime(latest: Latest): string | null {
  const times = Object.values(latest).flatMap((v) => (v ? [v.observedAt] : []));
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
}

/** The newest value of each parameter (a monitor's HR must not hide the last BP). */
function LatestVitals({ latest, stale }: { latest: Latest; stale: ReadonlyMap<TileParameter, number> }) {
  const time = newestTime(latest);
  if (!time) return <p className="muted">No vitals yet</p>;
  const bp = latest.sbp && latest.dbp ? `${latest.sbp.value}/${latest.dbp.value}` : "—";
  const items: { label: TileParameter; value: string; unit: string }[] = [
    { label: "BP", value: bp, unit: "mmHg" },
    { label: "HR", value: show(latest.hr), unit: "bpm" },
    { label: "SpO2", value: show(latest.spo2), unit: "%" },
    { label: "RR", value: show(latest.rr), unit: "/min" },
  ];
  return (
    <>
      <dl className="tile-vitals">
        {items.map((i) => (
          <div key={i.label}>
            <dt>{i.label}</dt>
            <dd>
              {i.value} <span className="unit">{i.unit}</span>
              {stale.has(i.label) ? <span className="unit"> (stale)</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Last value <time dateTime={time}>{formatClock(time)}</time>
      </p>
    </>
  );
}

/** Entries for this chair saved on this device but not yet on the server. */
function UnsyncedNote({ sessionId }: { sessionId: string }) {
  const { waiting, rejected, otherUsers } = useOutboxCounts(sessionId);
  const parts = [
    waiting > 0 ? `${entriesText(waiting)} waiting to sync` : null,
    rejected > 0 ? `${entriesText(rejected)} not accepted` : null,
    otherUsers > 0 ? `${entriesText(otherUsers)} of another login` : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return <p className="banner banner-info tile-unsynced">⟳ On this device: {parts.join(", ")}</p>;
}

/**
 * "not saved — check patient" while any alarm of the chair is unconfirmed; "confirming…" while the
 * priority shown comes from an alarm not yet confirmed (above every committed alert of the chair).
 */
function ProvisionalTags({
  provisionals,
  committed,
}: {
  provisionals: readonly ProvisionalEntry[];
  committed: AlertPriority | null;
}) {
  const unconfirmed = provisionals.find((e) => e.status === "unconfirmed");
  const confirming = provisionals.find(
    (e) =>
      e.status === "confirming" && (!committed || priorityRank[e.alarm.priority] > priorityRank[committed]),
  );
  return (
    <>
      {unconfirmed ? <ProvisionalTag entry={unconfirmed} large /> : null}
      {confirming ? <ProvisionalTag entry={confirming} large /> : null}
    </>
  );
}

/** One chair on the central station, readable from a metre away. */
export function StationTile({ summary }: { summary: SessionSummary }) {
  const { session, patient, latestValues, openAlerts, worstOpenPriority } = summary;
  const stale = staleParameters(summary, useNow());
  const provisionals = useShownProvisionals().filter((e) => e.alarm.sessionId === session.id);
  const worst = worstWithProvisionals(worstOpenPriority, provisionals);
  const unacknowledged = openAlerts.filter((a) => !a.acknowledgedAt).length;
  const escalated = openAlerts.some(isEscalated);
  return (
    <article
      aria-label={`Chair ${session.chair}: ${patient.fullName}`}
      className={`tile tile-${worst ?? "ok"}${escalated ? " tile-escalated" : ""}`}
    >
      <header className="tile-head">
        <h2>
          <Link to={`/sessions/${session.id}`} className="tile-link">
            {patient.fullName}
          </Link>
        </h2>
        <span className="tile-chair">Chair {session.chair}</span>
      </header>
      <div className="tile-status">
        <PhaseBadge phase={session.phase} />
        <PriorityBadge priority={worst} large />
        <ProvisionalTags provisionals={provisionals} committed={worstOpenPriority} />
        {escalated ? <EscalatedBadge large /> : null}
        <span className={unacknowledged > 0 ? "unacked" : "muted"}>{unacknowledged} unacknowledged</span>
      </div>
      <SessionTimers session={session} />
      <LatestVitals latest={latestValues} stale={stale} />
      <StaleNote stale={stale} />
      <UnsyncedNote sessionId={session.id} />
    </article>
  );
}
