import { act, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { renderWithProviders } from "../../../testing/render.tsx";
import { SocketProvider } from "../socket-context.tsx";
import { ConnectionBanner } from "./connection-banner.tsx";

const fake = vi.hoisted(() => {
  const handlers = new Map<string, Set<() => void>>();
  const socket = {
    connected: true,
    connect: () => socket,
    disconnect: () => socket,
    on(event: string, h: () => void) {
      handlers.set(event, (handlers.get(event) ?? new Set()).add(h));
      return socket;
    },
    off(event: string, h: () => void) {
      handlers.get(event)?.delete(h);
      return socket;
    },
    emit: () => socket,
  };
  const fire = (event: string) => {
    for (const h of handlers.get(event) ?? []) h();
  };
  return { socket, fire };
});

vi.mock("../../../lib/socket.ts", () => ({ getSocket: () => fake.socket }));

afterEach(() => vi.restoreAllMocks());

function setNetwork(online: boolean) {
  vi.spyOn(navigator, "onLine", "get").mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? "online" : "offline"));
  });
}

function setSocket(connected: boolean) {
  fake.socket.connected = connected;
  act(() => fake.fire(connected ? "connect" : "disconnect"));
}

describe("ConnectionBanner", () => {
  it("tells offline (no network: keep recording) apart from reconnecting (server unreachable)", () => {
    renderWithProviders(
      <SocketProvider enabled>
        <ConnectionBanner />
      </SocketProvider>,
    );
    const banner = screen.getByRole("status");
    expect(banner).toHaveTextContent(/^$/);

    setSocket(false);
    expect(banner).toHaveTextContent(/^Reconnecting…/);

    setNetwork(false);
    expect(banner).toHaveTextContent(/^Offline: this device has no network\. Keep recording/);
    expect(banner).not.toHaveTextContent("Reconnecting");

    setNetwork(true);
    expect(banner).toHaveTextContent(/^Reconnecting…/);
    setSocket(true);
    expect(banner).toHaveTextContent(/^$/);
  });
});
