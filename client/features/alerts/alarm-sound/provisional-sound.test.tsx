import { notifyManager, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServerToClientEvents } from "../../../../shared/events.ts";
import type { User } from "../../../../shared/schemas/user.ts";
import { AlarmAudio, alarmPatterns } from "../../../lib/alarm-audio.ts";
import { meQueryKey } from "../../../lib/query-client.ts";
import type { VigilSocket } from "../../../lib/socket.ts";
import { FakeAudioContext } from "../../../testing/fake-audio.ts";
import { fakeSocket } from "../../../testing/fake-socket.ts";
import { ids, makeAlert, makeSummary } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch } from "../../../testing/render.tsx";
import { useRealtimeBridge } from "../../realtime/use-realtime-bridge.ts";
import { AlertList } from "../components/alert-list.tsx";
import { useShownProvisionals } from "../provisional/provisional-cache.ts";
import { makeProvisional } from "../provisional/provisional-fixtures.ts";
import { AlarmControl } from "./alarm-control.tsx";
import { useSoundingAlerts } from "./use-sounding-alerts.ts";

// the cache tells its observers in a microtask (not a faked timer), so an async act() shows each update
notifyManager.setScheduler(queueMicrotask);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const doctor: User = { id: ids.physician, username: "xu", displayName: "Dr Xu", role: "physician" };
const burst = { high: alarmPatterns.high.pulses.length, medium: alarmPatterns.medium.pulses.length };

/** The header's alarm as the layout wires it, plus a list to dismiss from. */
function Page({ socket, audio }: { socket: VigilSocket; audio: AlarmAudio }) {
  useRealtimeBridge(socket);
  const provisionals = useShownProvisionals();
  return (
    <>
      <AlarmControl audio={audio} alerts={useSoundingAlerts()} />
      <AlertList alerts={[]} provisionals={provisionals} canAcknowledge />
    </>
  );
}

async function setup() {
  mockFetch((url) =>
    url.includes("/api/auth/me") ? jsonResponse({ user: doctor }) : jsonResponse([makeSummary()]),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(meQueryKey, doctor);
  const context = new FakeAudioContext();
  const { socket, deliver } = fakeSocket();
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Page socket={socket} audio={new AlarmAudio(() => context)} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  await act(async () => {});
  await act(async () => fireEvent.click(screen.getByRole("button", { name: "Sound off — click to enable" })));
  await act(async () => {});
  const send = <E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) => act(async () => deliver(event, payload));
  /** Second by second, as the page's clock ticks: each second renders (and may sound) on its own. */
  const tick = async (ms: number) => {
    for (let t = 0; t < ms; t += 1_000) await act(async () => vi.advanceTimersByTime(1_000));
  };
  return { context, send, tick };
}

describe("the alarm sound for provisional alarms", () => {
  it("sounds at once, and the committed alert carries it on without starting it again", async () => {
    const { context, send, tick } = await setup();
    expect(context.pulses).toHaveLength(0);
    const alarm = makeProvisional({ parameter: "spo2", priority: "high" });
    await send("alert:provisional", alarm);
    expect(context.pulses).toHaveLength(burst.high);

    await tick(2_000);
    const committed = makeAlert({ parameter: "spo2", priority: "high" });
    await send("alert:changed", { sessionId: ids.session, seq: 2, alert: committed, change: "raised" });
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: true,
    });
    await tick(1_000);
    expect(context.pulses).toHaveLength(burst.high);
    await tick(7_000);
    expect(context.pulses).toHaveLength(2 * burst.high);
  });

  it("stops when the saved reading raised nothing", async () => {
    const { context, send, tick } = await setup();
    const alarm = makeProvisional({ parameter: "spo2", priority: "high" });
    await send("alert:provisional", alarm);
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: true,
    });
    await tick(60_000);
    expect(context.pulses).toHaveLength(burst.high);
  });

  it("keeps sounding while unconfirmed, and stops once dismissed", async () => {
    const { context, send, tick } = await setup();
    const alarm = makeProvisional({ parameter: "hr", priority: "medium", chair: "3" });
    await send("alert:provisional", alarm);
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: false,
    });
    expect(context.pulses).toHaveLength(burst.medium);
    await tick(55_000);
    expect(context.pulses).toHaveLength(3 * burst.medium);

    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Dismiss Heart rate alarm from chair 3" })),
    );
    await tick(60_000);
    expect(context.pulses).toHaveLength(3 * burst.medium);
  });
});
