import type { QueryClient } from "@tanstack/react-query";
import type { ProvisionalAlarm } from "../../../../shared/events.ts";
import type { Alert } from "../../../../shared/schemas/alert.ts";
import { readProvisionals, updateProvisionals } from "./provisional-cache.ts";
import {
  applyCommittedAlert,
  expireUnsettled,
  nextExpiry,
  type ProvisionalState,
  receiveProvisional,
  type Settlement,
  settleReading,
} from "./reconcile.ts";

/** Time and one timer, injectable: tests drive them with fake timers. */
export interface ProvisionalClock {
  now(): number;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const systemClock: ProvisionalClock = {
  now: () => Date.now(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ProvisionalSync {
  provisional(alarm: ProvisionalAlarm): void;
  committedAlert(alert: Alert): void;
  settled(settlement: Settlement): void;
  /** After a reconnect: whatever waited past the timeout is unconfirmed (its settle may be lost). */
  reconnected(): void;
  dispose(): void;
}

/**
 * Feeds socket events through the pure reconciliation into the cache, and keeps one timer armed for
 * the next settle timeout.
 */
export function createProvisionalSync(
  client: QueryClient,
  clock: ProvisionalClock = systemClock,
): ProvisionalSync {
  let timer: unknown = null;
  let disposed = false;

  const arm = (state: ProvisionalState) => {
    if (timer !== null) clock.clearTimer(timer);
    timer = null;
    const due = nextExpiry(state);
    if (due === null || disposed) return;
    timer = clock.setTimer(expire, Math.max(0, due - clock.now()));
  };

  function expire() {
    timer = null;
    arm(updateProvisionals(client, (s) => expireUnsettled(s, clock.now())));
  }

  const apply = (transition: (s: ProvisionalState) => ProvisionalState) =>
    arm(updateProvisionals(client, transition));

  const sync: ProvisionalSync = {
    provisional: (alarm) => apply((s) => receiveProvisional(s, alarm, clock.now())),
    committedAlert: (alert) => apply((s) => applyCommittedAlert(s, alert)),
    settled: (settlement) => apply((s) => settleReading(s, settlement)),
    reconnected: () => apply((s) => expireUnsettled(s, clock.now())),
    dispose: () => {
      disposed = true;
      if (timer !== null) clock.clearTimer(timer);
      timer = null;
    },
  };
  // what the cache already holds (a previous socket's alarms) keeps its timeout
  arm(readProvisionals(client));
  return sync;
}
