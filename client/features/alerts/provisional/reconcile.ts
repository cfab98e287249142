import type { ProvisionalAlarm } from "../../../../shared/events.ts";
import type { Alert, AlertPriority } from "../../../../shared/schemas/alert.ts";
import { priorityRank } from "../../../../shared/schemas/alert.ts";

/**
 * Provisional alarms (computed from a reading before it is committed) and how committed events
 * reconcile them: pure, so every rule is unit-tested; time is passed in (`now`, client clock, ms).
 *
 * One entry per reading and parameter, kept until that reading settles: several readings may be in
 * flight for one parameter, and any of them may turn out not saved. What is shown is a view over them.
 */

/** A reading not settled this long after its provisional alarm arrived is treated as not confirmed. */
export const settleTimeoutMs = 30_000;

/**
 * confirming: shown, waiting for the reading's commit.
 * superseded: a committed alert now speaks for the parameter, so it is hidden; it is kept until the
 *   reading settles, because a reading that is then not saved brings it back as unconfirmed.
 * unconfirmed: the reading was not saved (or never confirmed): shown until someone dismisses it.
 */
export type ProvisionalStatus = "confirming" | "superseded" | "unconfirmed";

/** not-saved: the server said so; no-answer: no settle arrived in time (the reading may or may not be saved). */
export type UnconfirmedReason = "not-saved" | "no-answer";

export interface ProvisionalEntry {
  /** Unique per reading and parameter. */
  id: string;
  alarm: ProvisionalAlarm;
  /** Client clock when it arrived: the settle timeout runs from here, not from the clinical time. */
  receivedAt: number;
  status: ProvisionalStatus;
  reason: UnconfirmedReason | null;
}

export type ProvisionalState = readonly ProvisionalEntry[];

export const initialProvisionalState: ProvisionalState = [];

export const entryId = (a: Pick<ProvisionalAlarm, "readingId" | "parameter">) =>
  `${a.readingId}:${a.parameter}`;

const rank = (p: AlertPriority) => priorityRank[p];

/** Changes the entries `pick` selects; the same state back when none changed. */
function update(
  state: ProvisionalState,
  pick: (e: ProvisionalEntry) => boolean,
  change: (e: ProvisionalEntry) => ProvisionalEntry | null,
): ProvisionalState {
  let changed = false;
  const next: ProvisionalEntry[] = [];
  for (const e of state) {
    if (!pick(e)) {
      next.push(e);
      continue;
    }
    const updated = change(e);
    if (updated !== e) changed = true;
    if (updated) next.push(updated);
  }
  return changed ? next : state;
}

/**
 * A provisional alarm arrived: add it, or replace the same reading's alarm for that parameter (a
 * repeat delivery, e.g. after a reconnect).
 */
export function receiveProvisional(
  state: ProvisionalState,
  alarm: ProvisionalAlarm,
  now: number,
): ProvisionalState {
  const id = entryId(alarm);
  const existing = state.find((e) => e.id === id);
  if (!existing) return [...state, { id, alarm, receivedAt: now, status: "confirming", reason: null }];
  // a repeat keeps what is already known of the reading (hidden, unconfirmed) and its timeout
  return update(
    state,
    (e) => e.id === id,
    (e) => ({ ...e, alarm }),
  );
}

/**
 * A committed alert changed. When it is open at the provisional's priority or above it speaks for
 * the parameter, and the provisional is hidden. A cleared or lower committed alert (say, from an
 * earlier reading committed meanwhile) does not: the provisional stays until its own reading settles.
 */
export function applyCommittedAlert(state: ProvisionalState, alert: Alert): ProvisionalState {
  if (alert.status !== "open") return state;
  return update(
    state,
    (e) =>
      e.status === "confirming" &&
      e.alarm.sessionId === alert.sessionId &&
      e.alarm.parameter === alert.parameter &&
      rank(alert.priority) >= rank(e.alarm.priority),
    (e) => ({ ...e, status: "superseded" }),
  );
}

export interface Settlement {
  sessionId: string;
  readingId: string;
  recorded: boolean;
}

/**
 * The reading settled. Recorded: the committed engine had the last word (any alert it raised has
 * already arrived), so its provisionals go, an alarm withdrawn if it raised nothing. Not recorded:
 * its provisionals become unconfirmed, hidden ones too, since the committed alert may not be theirs.
 */
export function settleReading(state: ProvisionalState, settlement: Settlement): ProvisionalState {
  const { sessionId, readingId, recorded } = settlement;
  return update(
    state,
    (e) => e.alarm.sessionId === sessionId && e.alarm.readingId === readingId,
    (e) => {
      if (recorded) return e.reason === "not-saved" ? e : null;
      if (e.reason === "not-saved") return e;
      return { ...e, status: "unconfirmed", reason: "not-saved" };
    },
  );
}

const overdue = (e: ProvisionalEntry, now: number) => now - e.receivedAt >= settleTimeoutMs;

/**
 * No settle within the timeout (or a reconnect after it): a shown alarm becomes unconfirmed; a
 * hidden one goes, the committed alert for its parameter being on screen.
 */
export function expireUnsettled(state: ProvisionalState, now: number): ProvisionalState {
  return update(
    state,
    (e) => e.status !== "unconfirmed" && overdue(e, now),
    (e) => (e.status === "superseded" ? null : { ...e, status: "unconfirmed", reason: "no-answer" }),
  );
}

/** When the next entry is due to expire, or null when none waits for a settle. */
export function nextExpiry(state: ProvisionalState): number | null {
  let next: number | null = null;
  for (const e of state) {
    if (e.status === "unconfirmed") continue;
    const due = e.receivedAt + settleTimeoutMs;
    if (next === null || due < next) next = due;
  }
  return next;
}

/** A local dismissal (nothing goes to the server); only an unconfirmed alarm can be dismissed. */
export function dismissUnconfirmed(state: ProvisionalState, id: string): ProvisionalState {
  return update(
    state,
    (e) => e.id === id && e.status === "unconfirmed",
    () => null,
  );
}

/**
 * What is shown and sounds: every unconfirmed alarm, and of the confirming ones the highest priority
 * per session and parameter (newest on a tie). Superseded ones are hidden.
 */
export function shownProvisionals(state: ProvisionalState): ProvisionalEntry[] {
  const confirming = new Map<string, ProvisionalEntry>();
  const unconfirmed: ProvisionalEntry[] = [];
  for (const e of state) {
    if (e.status === "unconfirmed") unconfirmed.push(e);
    if (e.status !== "confirming") continue;
    const key = `${e.alarm.sessionId}:${e.alarm.parameter}`;
    const current = confirming.get(key);
    if (!current || rank(e.alarm.priority) >= rank(current.alarm.priority)) confirming.set(key, e);
  }
  return [...unconfirmed, ...confirming.values()];
}
