import { notifyManager, QueryClient, QueryClientProvider, useQuery } from "@tanstack/react-query";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServerToClientEvents } from "../../../../shared/events.ts";
import type { VigilSocket } from "../../../lib/socket.ts";
import { fakeSocket } from "../../../testing/fake-socket.ts";
import { ids, makeAlert, makeDetail } from "../../../testing/fixtures.ts";
import { mockFetch } from "../../../testing/render.tsx";
import { useRealtimeBridge } from "../../realtime/use-realtime-bridge.ts";
import { sessionDetailKey } from "../../sessions/api/get-session.ts";
import { AlertList } from "../components/alert-list.tsx";
import { makeProvisional } from "./provisional-fixtures.ts";

// the cache tells its observers in a microtask (not a timer), so an async act() shows every update,
// fake timers or not
notifyManager.setScheduler(queueMicrotask);

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** The session page's alert panel, fed by the realtime bridge as on the real page. */
function SessionAlerts({
  socket,
  canAcknowledge,
  canDismiss,
}: {
  socket: VigilSocket;
  canAcknowledge: boolean;
  canDismiss: boolean;
}) {
  useRealtimeBridge(socket);
  const { data } = useQuery({
    queryKey: sessionDetailKey(ids.session),
    queryFn: () => makeDetail(),
    staleTime: Number.POSITIVE_INFINITY,
  });
  return data ? (
    <AlertList alerts={data.alerts} canAcknowledge={canAcknowledge} canDismiss={canDismiss} />
  ) : null;
}

async function setup({
  canAcknowledge = true,
  canDismiss = canAcknowledge,
}: {
  canAcknowledge?: boolean;
  canDismiss?: boolean;
} = {}) {
  // any request would mean something was sent to the server: none is expected
  const fetch = mockFetch(() => new Response(null, { status: 500 }));
  const { socket, deliver } = fakeSocket();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[`/sessions/${ids.session}`]}>
        <Routes>
          <Route
            path="/sessions/:id"
            element={
              <SessionAlerts socket={socket} canAcknowledge={canAcknowledge} canDismiss={canDismiss} />
            }
          />
        </Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  await act(async () => {});
  const send = <E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) => act(() => deliver(event, payload));
  /** The socket came back (it emits "connect" again after a reconnect). */
  const reconnect = () => act(async () => (deliver as (event: string, payload?: unknown) => void)("connect"));
  return { send, fetch, reconnect };
}

const items = () => within(screen.getByRole("list", { name: "Alerts" })).queryAllByRole("listitem");
const liveRegion = () => screen.getByRole("status", { name: "Provisional alarms" });

describe("provisional alarms in the session's alert list", () => {
  it("shows the alarm at once as confirming, then the committed alert in its place", async () => {
    const { send } = await setup();
    const alarm = makeProvisional({ parameter: "spo2", priority: "high", message: "SpO2 84 %" });
    await send("alert:provisional", alarm);
    expect(items()).toHaveLength(1);
    expect(items()[0]).toHaveTextContent("▲ HIGH");
    expect(items()[0]).toHaveTextContent("confirming…");
    expect(items()[0]).toHaveTextContent("SpO2 84 %");
    expect(items()[0]).toHaveClass("alert-high");
    expect(liveRegion()).toHaveTextContent("HIGH alarm, Chair 3: SpO2 — SpO2 84 % — confirming…");

    const committed = makeAlert({ parameter: "spo2", priority: "high", message: "SpO2 84 % (saved)" });
    await send("alert:changed", { sessionId: ids.session, seq: 2, alert: committed, change: "raised" });
    expect(items()).toHaveLength(1);
    expect(items()[0]).toHaveTextContent("SpO2 84 % (saved)");
    expect(items()[0]).not.toHaveTextContent("confirming…");
    expect(within(items()[0]!).getByRole("button", { name: "Acknowledge SpO2 alert" })).toBeInTheDocument();
    expect(liveRegion()).toBeEmptyDOMElement();

    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: true,
    });
    expect(items()).toHaveLength(1);
    expect(items()[0]).toHaveTextContent("SpO2 84 % (saved)");
  });

  it("withdraws the alarm when the saved reading raised nothing", async () => {
    const { send } = await setup();
    const alarm = makeProvisional();
    await send("alert:provisional", alarm);
    expect(items()).toHaveLength(1);
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: true,
    });
    expect(items()).toHaveLength(0);
    expect(screen.getByText("No alerts.")).toBeInTheDocument();
  });

  it("an alarm from a reading not saved stays until a physician dismisses it, sending nothing", async () => {
    const { send, fetch } = await setup();
    const alarm = makeProvisional({ chair: "3" });
    await send("alert:provisional", alarm);
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: false,
    });
    const [item] = items();
    expect(item).toHaveTextContent("not saved — check patient");
    expect(item).toHaveTextContent("Alarm from a reading that was not saved — check the patient in chair 3.");
    expect(liveRegion()).toHaveTextContent(
      "Alarm from a reading that was not saved — check the patient in chair 3.",
    );

    // a later reading's committed alert for the parameter does not take its place
    const committed = makeAlert({ parameter: "spo2", priority: "high" });
    await send("alert:changed", { sessionId: ids.session, seq: 2, alert: committed, change: "raised" });
    expect(items()).toHaveLength(2);

    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Dismiss SpO2 alarm from chair 3" })),
    );
    expect(items()).toHaveLength(1);
    expect(items()[0]).not.toHaveTextContent("not saved");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("with no settle within 30 s the alarm is kept as not confirmed", async () => {
    vi.useFakeTimers();
    const { send } = await setup();
    await send("alert:provisional", makeProvisional());
    await act(async () => vi.advanceTimersByTime(29_000));
    expect(items()[0]).toHaveTextContent("confirming…");
    await act(async () => vi.advanceTimersByTime(1_000));
    expect(items()[0]).toHaveTextContent("not confirmed — check patient");
    expect(items()[0]).toHaveTextContent("check the patient in chair 3");
    await act(async () => vi.advanceTimersByTime(60 * 60_000));
    expect(items()).toHaveLength(1);
  });

  it("a reconnect after the page slept past 30 s turns a waiting alarm unconfirmed at once", async () => {
    vi.useFakeTimers();
    const { send, reconnect } = await setup();
    await send("alert:provisional", makeProvisional());
    // the clock moves on but no timer runs, as in a sleeping laptop
    vi.setSystemTime(Date.now() + 45_000);
    await act(async () => {});
    expect(items()[0]).toHaveTextContent("confirming…");
    await reconnect();
    expect(items()[0]).toHaveTextContent("not confirmed — check patient");
  });

  it("a nurse, who cannot acknowledge alerts, dismisses an unconfirmed alarm from her screen, sending nothing", async () => {
    const { send, fetch } = await setup({ canAcknowledge: false, canDismiss: true });
    const alarm = makeProvisional();
    await send("alert:provisional", alarm);
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: false,
    });
    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Dismiss SpO2 alarm from chair 3" })),
    );
    expect(items()).toHaveLength(0);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("an admin sees an unconfirmed alarm but has no dismiss button", async () => {
    const { send } = await setup({ canAcknowledge: false, canDismiss: false });
    const alarm = makeProvisional();
    await send("alert:provisional", alarm);
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: false,
    });
    expect(screen.queryByRole("button", { name: /Dismiss/ })).not.toBeInTheDocument();
    expect(items()[0]).toHaveTextContent(
      "A nurse or physician dismisses it here once the patient is checked.",
    );
  });

  it("lists only this session's alarms, sorted with the alerts by priority", async () => {
    const { send } = await setup();
    await send("alert:provisional", makeProvisional({ sessionId: "99999999-9999-4999-8999-999999999999" }));
    expect(items()).toHaveLength(0);
    const committed = makeAlert({ parameter: "sbp", priority: "medium", message: "SBP 170" });
    await send("alert:changed", { sessionId: ids.session, seq: 2, alert: committed, change: "raised" });
    await send("alert:provisional", makeProvisional({ parameter: "rr", priority: "low", message: "RR 7" }));
    await send(
      "alert:provisional",
      makeProvisional({ parameter: "hr", priority: "high", message: "HR 150" }),
    );
    expect(items().map((li) => li.querySelector(".alert-message")?.textContent)).toEqual([
      "HR 150",
      "SBP 170",
      "RR 7",
    ]);
  });
});
