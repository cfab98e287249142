import { act, fireEvent, screen } from "@testing-library/react";
import { useEffect, useState } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { IdleLock } from "./idle-lock.tsx";

/** Stands in for the alarm loop: ticks every second for as long as it stays mounted. */
let alarmTicks = 0;
function FakeAlarm() {
  useEffect(() => {
    const id = setInterval(() => {
      alarmTicks += 1;
    }, 1000);
    return () => clearInterval(id);
  }, []);
  return <span>alarm</span>;
}

function App({ alerts = 2, delayKnown = true }: { alerts?: number; delayKnown?: boolean }) {
  const [notes] = useState("Jane Roe, MRN-0042");
  return (
    <IdleLock
      idleMinutes={delayKnown ? 10 : undefined}
      activeAlertCount={alerts}
      displayName="Nurse Alex Morgan"
    >
      <FakeAlarm />
      <p>{notes}</p>
    </IdleLock>
  );
}

const minutes = (m: number) => act(() => vi.advanceTimersByTime(m * 60_000));
const flush = () => act(async () => {});
const locked = () => screen.queryByRole("dialog", { name: "Screen locked" }) !== null;

beforeEach(() => {
  vi.useFakeTimers();
  sessionStorage.clear();
  alarmTicks = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("IdleLock", () => {
  it("locks after the idle delay, hides patient data, shows only the alert count and keeps the alarm running", async () => {
    renderWithProviders(<App />);
    await minutes(9.9);
    expect(locked()).toBe(false);
    expect(screen.getByText("Jane Roe, MRN-0042")).toBeVisible();

    await minutes(0.2);
    expect(locked()).toBe(true);
    expect(screen.getByText("Jane Roe, MRN-0042")).not.toBeVisible();
    expect(screen.getByRole("status")).toHaveTextContent("2 active alerts");
    expect(screen.getByRole("dialog")).not.toHaveTextContent(/Jane|MRN/);

    const ticks = alarmTicks;
    await minutes(1);
    expect(alarmTicks).toBe(ticks + 60);
  });

  it("postpones the lock on input, and input on the lock screen does not unlock it", async () => {
    renderWithProviders(<App />);
    await minutes(9);
    fireEvent.keyDown(window, { key: "a" });
    await minutes(9);
    expect(locked()).toBe(false);
    await minutes(1.1);
    expect(locked()).toBe(true);
    fireEvent.pointerDown(window);
    await minutes(1);
    expect(locked()).toBe(true);
  });

  it("unlocks only with the right password, showing a wrong one next to the field", async () => {
    const fetch = mockFetch((_url, init) => {
      const { password } = JSON.parse(String(init.body));
      return password === "right password"
        ? jsonResponse({ ok: true })
        : jsonResponse(
            {
              error: {
                code: "validation_failed",
                message: "Wrong password.",
                issues: [{ path: "password", message: "is not your password" }],
              },
            },
            400,
          );
    });
    renderWithProviders(<App alerts={1} />);
    await minutes(10);
    expect(screen.getByRole("status")).toHaveTextContent("1 active alert");
    const field = screen.getByLabelText("Password for Nurse Alex Morgan");

    fireEvent.change(field, { target: { value: "guess" } });
    fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    await flush();
    expect(screen.getByText("is not your password")).toBeInTheDocument();
    expect(locked()).toBe(true);

    fireEvent.change(field, { target: { value: "right password" } });
    fireEvent.click(screen.getByRole("button", { name: "Unlock" }));
    await flush();
    expect(locked()).toBe(false);
    expect(screen.getByText("Jane Roe, MRN-0042")).toBeVisible();
    expect(fetch).toHaveBeenCalledWith("/api/auth/unlock", expect.objectContaining({ method: "POST" }));
  });

  it("stays locked across a reload of the page", async () => {
    const first = renderWithProviders(<App />);
    await minutes(10);
    first.unmount();
    renderWithProviders(<App />);
    expect(locked()).toBe(true);
    expect(screen.getByText("Jane Roe, MRN-0042")).not.toBeVisible();
  });

  it("offers to log out or switch user", async () => {
    const fetch = mockFetch(() => jsonResponse({ ok: true }));
    renderWithProviders(<App />);
    await minutes(10);
    fireEvent.click(screen.getByRole("button", { name: "Log out / switch user" }));
    await flush();
    expect(fetch).toHaveBeenCalledWith("/api/auth/logout", expect.objectContaining({ method: "POST" }));
    expect(sessionStorage.length).toBe(0);
  });

  it("never locks before the server said after how long", async () => {
    renderWithProviders(<App delayKnown={false} />);
    await minutes(120);
    expect(locked()).toBe(false);
  });
});
