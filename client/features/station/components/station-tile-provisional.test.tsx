import { notifyManager } from "@tanstack/react-query";
import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ServerToClientEvents } from "../../../../shared/events.ts";
import type { VigilSocket } from "../../../lib/socket.ts";
import { fakeSocket } from "../../../testing/fake-socket.ts";
import { ids, makeAlert, makeSummary } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { makeProvisional } from "../../alerts/provisional/provisional-fixtures.ts";
import { useRealtimeBridge } from "../../realtime/use-realtime-bridge.ts";
import { useSessions } from "../../sessions/api/list-sessions.ts";
import { OpenAlertsPanel } from "./open-alerts-panel.tsx";
import { StationTile } from "./station-tile.tsx";

// the cache tells its observers in a microtask, so an async act() shows every update
notifyManager.setScheduler(queueMicrotask);

afterEach(() => vi.unstubAllGlobals());

/** The central station: tiles and the open-alerts panel, fed by the realtime bridge. */
function Station({ socket }: { socket: VigilSocket }) {
  useRealtimeBridge(socket);
  const { data = [] } = useSessions({ status: "active" });
  return (
    <>
      {data.map((s) => (
        <StationTile key={s.session.id} summary={s} />
      ))}
      <OpenAlertsPanel summaries={data} canAcknowledge />
    </>
  );
}

async function setup() {
  mockFetch(() => jsonResponse([makeSummary()]));
  const { socket, deliver } = fakeSocket();
  renderWithProviders(<Station socket={socket} />);
  const tile = await screen.findByRole("article", { name: "Chair 3: Jane Doe" });
  const send = <E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) => act(async () => deliver(event, payload));
  return { tile, send };
}

const panel = () => screen.getByRole("region", { name: /Open alerts/ });

describe("a provisional alarm on the central station", () => {
  it("raises the tile's priority at once as confirming, then the committed alert takes over", async () => {
    const { tile, send } = await setup();
    expect(tile).toHaveTextContent("✓ OK");
    const alarm = makeProvisional({ priority: "high", message: "SpO2 84 %" });
    await send("alert:provisional", alarm);
    expect(tile).toHaveTextContent("▲ HIGH");
    expect(tile).toHaveTextContent("confirming…");
    expect(tile).toHaveClass("tile-high");
    expect(panel()).toHaveTextContent("Open alerts (1)");
    expect(within(panel()).getByRole("listitem")).toHaveTextContent("Chair 3: Jane Doe");

    const committed = makeAlert({ parameter: "spo2", priority: "high", message: "SpO2 84 %" });
    await send("alert:changed", { sessionId: ids.session, seq: 2, alert: committed, change: "raised" });
    expect(tile).toHaveTextContent("▲ HIGH");
    expect(tile).not.toHaveTextContent("confirming…");
    expect(tile).toHaveTextContent("1 unacknowledged");
    expect(panel()).toHaveTextContent("Open alerts (1)");
    expect(within(panel()).getByRole("button", { name: "Acknowledge SpO2 alert" })).toBeInTheDocument();

    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: true,
    });
    expect(tile).toHaveTextContent("▲ HIGH");
    expect(panel()).toHaveTextContent("Open alerts (1)");
  });

  it("says 'confirming…' only while the shown priority comes from the unconfirmed alarm", async () => {
    const { tile, send } = await setup();
    const committed = makeAlert({ parameter: "sbp", priority: "high" });
    await send("alert:changed", { sessionId: ids.session, seq: 2, alert: committed, change: "raised" });
    await send("alert:provisional", makeProvisional({ parameter: "hr", priority: "medium" }));
    expect(tile).toHaveTextContent("▲ HIGH");
    expect(tile).not.toHaveTextContent("confirming…");
    expect(panel()).toHaveTextContent("Open alerts (2)");
  });

  it("a reading not saved: the tile says so until a physician dismisses the alarm", async () => {
    const { tile, send } = await setup();
    const alarm = makeProvisional({ priority: "medium" });
    await send("alert:provisional", alarm);
    await send("alert:provisional-settled", {
      sessionId: ids.session,
      readingId: alarm.readingId,
      recorded: false,
    });
    expect(tile).toHaveTextContent("● MEDIUM");
    expect(tile).toHaveTextContent("not saved — check patient");
    expect(tile).not.toHaveTextContent("confirming…");
    expect(panel()).toHaveTextContent(
      "Alarm from a reading that was not saved — check the patient in chair 3.",
    );

    await act(async () =>
      fireEvent.click(within(panel()).getByRole("button", { name: "Dismiss SpO2 alarm from chair 3" })),
    );
    expect(tile).toHaveTextContent("✓ OK");
    expect(tile).not.toHaveTextContent("not saved");
    expect(panel()).toHaveTextContent("No open alerts.");
  });
});
