import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeAlert } from "../../../testing/fixtures.ts";
import { readProvisionals } from "./provisional-cache.ts";
import { makeProvisional } from "./provisional-fixtures.ts";
import { createProvisionalSync } from "./provisional-sync.ts";
import { settleTimeoutMs } from "./reconcile.ts";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup() {
  const client = new QueryClient();
  const sync = createProvisionalSync(client);
  const states = () => readProvisionals(client).map((e) => [e.alarm.parameter, e.status, e.reason]);
  return { client, sync, states };
}

describe("provisional sync", () => {
  it("turns an alarm unconfirmed when no settle arrives within 30 s", () => {
    const { sync, states } = setup();
    sync.provisional(makeProvisional());
    vi.advanceTimersByTime(settleTimeoutMs - 1);
    expect(states()).toEqual([["spo2", "confirming", null]]);
    vi.advanceTimersByTime(1);
    expect(states()).toEqual([["spo2", "unconfirmed", "no-answer"]]);
  });

  it("a settle in time removes the alarm and leaves no timer behind", () => {
    const { sync, states } = setup();
    const a = makeProvisional();
    sync.provisional(a);
    vi.advanceTimersByTime(10_000);
    sync.committedAlert(makeAlert({ parameter: "spo2", priority: "high" }));
    sync.settled({ sessionId: a.sessionId, readingId: a.readingId, recorded: true });
    expect(states()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("keeps an unconfirmed alarm however long nothing shows it (no cache garbage collection)", () => {
    const { sync, states } = setup();
    sync.provisional(makeProvisional());
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(states()).toEqual([["spo2", "unconfirmed", "no-answer"]]);
  });

  it("re-arms for the next alarm in order of arrival", () => {
    const { sync, states } = setup();
    sync.provisional(makeProvisional());
    vi.advanceTimersByTime(20_000);
    sync.provisional(makeProvisional({ parameter: "hr" }));
    vi.advanceTimersByTime(10_000);
    expect(states()).toEqual([
      ["spo2", "unconfirmed", "no-answer"],
      ["hr", "confirming", null],
    ]);
    vi.advanceTimersByTime(20_000);
    expect(states()).toEqual([
      ["spo2", "unconfirmed", "no-answer"],
      ["hr", "unconfirmed", "no-answer"],
    ]);
  });

  it("a reconnect turns alarms older than 30 s unconfirmed at once (a sleeping page's timer may lag)", () => {
    const client = new QueryClient();
    let now = 0;
    const timers: (() => void)[] = [];
    const sync = createProvisionalSync(client, {
      now: () => now,
      setTimer: (run) => timers.push(run),
      clearTimer: () => {},
    });
    sync.provisional(makeProvisional());
    sync.provisional(makeProvisional({ parameter: "hr" }));
    now = settleTimeoutMs - 1;
    sync.reconnected();
    expect(readProvisionals(client).map((e) => e.status)).toEqual(["confirming", "confirming"]);
    now = settleTimeoutMs + 60_000;
    sync.reconnected();
    expect(readProvisionals(client).map((e) => e.status)).toEqual(["unconfirmed", "unconfirmed"]);
  });

  it("disposing stops the timer; a new sync re-arms from what the cache holds", () => {
    const { client, sync, states } = setup();
    sync.provisional(makeProvisional());
    sync.dispose();
    vi.advanceTimersByTime(settleTimeoutMs);
    expect(states()).toEqual([["spo2", "confirming", null]]);
    createProvisionalSync(client);
    vi.advanceTimersByTime(0);
    expect(states()).toEqual([["spo2", "unconfirmed", "no-answer"]]);
  });
});
