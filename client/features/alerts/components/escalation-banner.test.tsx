import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Alert } from "../../../../shared/schemas/alert.ts";
import type { VigilSocket } from "../../../lib/socket.ts";
import { fakeSocket } from "../../../testing/fake-socket.ts";
import { makeAlert, makePatient, makeSession, makeSummary, physician } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { useRealtimeBridge } from "../../realtime/use-realtime-bridge.ts";
import { EscalationBanner } from "./escalation-banner.tsx";

afterEach(() => vi.unstubAllGlobals());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

const escalated = makeAlert({
  parameter: "sbp",
  priority: "high",
  message: "Systolic BP 205 mmHg ≥ 200",
  value: 205,
  raisedAt: minutesAgo(1.2),
  escalatedAt: minutesAgo(0.2),
});

function Harness({ socket }: { socket: VigilSocket }) {
  useRealtimeBridge(socket);
  return <EscalationBanner />;
}

function setup(openAlerts: Alert[] = []) {
  const summary = makeSummary({
    session: makeSession({ chair: "2" }),
    patient: { ...makePatient({ fullName: "James Okafor" }) },
    openAlerts,
  });
  mockFetch(() => jsonResponse([summary]));
  const { socket, deliver } = fakeSocket();
  renderWithProviders(<Harness socket={socket} />);
  const send = (alert: Alert, change: "raised" | "escalated" | "acknowledged" | "cleared") =>
    act(() => deliver("alert:changed", { sessionId: alert.sessionId, seq: 2, alert, change }));
  return { send };
}

describe("EscalationBanner", () => {
  it("appears when an escalation arrives, with the chair, patient, message and a link", async () => {
    const { send } = setup();
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    await send(escalated, "escalated");
    const banner = await screen.findByRole("alert", { name: "Escalated alerts" });
    expect(banner).toHaveTextContent(
      "ESCALATED: Chair 2 — James Okafor — Systolic BP 205 mmHg ≥ 200, unacknowledged 1 min",
    );
    expect(within(banner).getByRole("link", { name: "Chair 2 — James Okafor" })).toHaveAttribute(
      "href",
      `/sessions/${escalated.sessionId}`,
    );
  });

  it("disappears when the alert is acknowledged", async () => {
    const { send } = setup();
    await send(escalated, "escalated");
    expect(await screen.findByRole("alert", { name: "Escalated alerts" })).toBeInTheDocument();
    await send(
      { ...escalated, acknowledgedAt: new Date().toISOString(), acknowledgedBy: physician },
      "acknowledged",
    );
    await waitFor(() =>
      expect(screen.queryByRole("alert", { name: "Escalated alerts" })).not.toBeInTheDocument(),
    );
  });

  it("is seeded from the station list, and cleared by the acknowledgement event", async () => {
    const { send } = setup([escalated]);
    expect(await screen.findByRole("alert", { name: "Escalated alerts" })).toHaveTextContent("James Okafor");
    await send(
      { ...escalated, acknowledgedAt: new Date().toISOString(), acknowledgedBy: physician },
      "acknowledged",
    );
    await waitFor(() =>
      expect(screen.queryByRole("alert", { name: "Escalated alerts" })).not.toBeInTheDocument(),
    );
  });

  it("ignores alerts that are open but not escalated", async () => {
    const { send } = setup([makeAlert({ priority: "high" })]);
    await send(makeAlert({ priority: "medium" }), "raised");
    await send(escalated, "escalated");
    const banner = await screen.findByRole("alert", { name: "Escalated alerts" });
    expect(within(banner).getAllByRole("listitem")).toHaveLength(1);
  });
});
