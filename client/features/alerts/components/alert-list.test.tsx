import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { at, makeAlert, physician } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { AlertList } from "./alert-list.tsx";

afterEach(() => vi.unstubAllGlobals());

const low = makeAlert({ parameter: "rr", priority: "low", message: "RR low", raisedAt: at(20) });
const mediumOld = makeAlert({ parameter: "sbp", priority: "medium", message: "SBP old", raisedAt: at(5) });
const mediumNew = makeAlert({ parameter: "hr", priority: "medium", message: "HR new", raisedAt: at(15) });
const high = makeAlert({ parameter: "spo2", priority: "high", message: "SpO2 85 %", raisedAt: at(1) });

describe("AlertList", () => {
  it("sorts by priority, then newest first", () => {
    renderWithProviders(<AlertList alerts={[low, mediumOld, high, mediumNew]} canAcknowledge={false} />);
    const items = within(screen.getByRole("list", { name: "Alerts" })).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".alert-message")?.textContent)).toEqual([
      "SpO2 85 %",
      "HR new",
      "SBP old",
      "RR low",
    ]);
  });

  it("shows the priority as text and icon, not colour alone", () => {
    renderWithProviders(<AlertList alerts={[high, low]} canAcknowledge={false} />);
    const [first, second] = within(screen.getByRole("list", { name: "Alerts" })).getAllByRole("listitem");
    expect(first).toHaveTextContent("▲ HIGH");
    expect(second).toHaveTextContent("◆ LOW");
    expect(first).toHaveTextContent("SpO2");
  });

  it("offers Acknowledge only to physicians", () => {
    const { unmount } = renderWithProviders(<AlertList alerts={[high]} canAcknowledge={false} />);
    expect(screen.queryByRole("button", { name: /Acknowledge/ })).not.toBeInTheDocument();
    expect(screen.getByText("Not yet acknowledged")).toBeInTheDocument();
    unmount();
    renderWithProviders(<AlertList alerts={[high]} canAcknowledge />);
    expect(screen.getByRole("button", { name: "Acknowledge SpO2 alert" })).toHaveTextContent("Acknowledge");
  });

  it("shows who acknowledged and when, to everyone, without a button", () => {
    const acked = makeAlert({
      acknowledgedAt: at(42),
      acknowledgedBy: physician,
      acknowledgementNote: "seen, rechecking",
    });
    renderWithProviders(<AlertList alerts={[acked]} canAcknowledge />);
    const item = screen.getByRole("listitem");
    expect(item).toHaveTextContent(/Acknowledged by Dr Xu at \d{2}:\d{2}/);
    expect(item).toHaveTextContent("seen, rechecking");
    expect(within(item).queryByRole("button", { name: /Acknowledge/ })).not.toBeInTheDocument();
  });

  it("acknowledges with the optional note", async () => {
    const fetch = mockFetch(() =>
      jsonResponse({
        ...high,
        acknowledgedAt: at(30),
        acknowledgedBy: physician,
        acknowledgementNote: "on it",
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AlertList alerts={[high]} canAcknowledge />);
    await user.type(screen.getByLabelText("Note for SpO2 alert (optional)"), "on it");
    await user.click(screen.getByRole("button", { name: "Acknowledge SpO2 alert" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/alerts/${high.id}/acknowledge`);
    expect(JSON.parse(String(init?.body))).toEqual({ note: "on it" });
  });

  it("shows a refused acknowledgement as an alert", async () => {
    mockFetch(() => jsonResponse({ error: { code: "forbidden", message: "Physicians only" } }, 403));
    const user = userEvent.setup();
    renderWithProviders(<AlertList alerts={[high]} canAcknowledge />);
    await user.click(screen.getByRole("button", { name: "Acknowledge SpO2 alert" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Physicians only");
  });

  it("lists open alerts before cleared ones, which are de-emphasised", () => {
    const cleared = makeAlert({
      parameter: "hr",
      priority: "high",
      status: "cleared",
      clearedAt: at(30),
      message: "HR cleared",
      raisedAt: at(25),
    });
    renderWithProviders(<AlertList alerts={[cleared, low, mediumNew]} canAcknowledge={false} />);
    const items = within(screen.getByRole("list", { name: "Alerts" })).getAllByRole("listitem");
    expect(items.map((li) => li.querySelector(".alert-message")?.textContent)).toEqual([
      "HR new",
      "RR low",
      "HR cleared",
    ]);
    expect(items[2]).toHaveClass("alert-cleared");
    expect(items[2]).toHaveTextContent(/Cleared at \d{2}:\d{2}/);
    expect(items[0]).not.toHaveClass("alert-cleared");
  });

  it("shows a latched high alert as waiting for acknowledgement", () => {
    const latched = makeAlert({ parameter: "sbp", priority: "high", conditionPresent: false });
    renderWithProviders(<AlertList alerts={[latched, mediumNew]} canAcknowledge />);
    const [first, second] = within(screen.getByRole("list", { name: "Alerts" })).getAllByRole("listitem");
    expect(first).toHaveTextContent("Condition cleared — acknowledge to reset");
    expect(second).toHaveTextContent("Condition still present");
    expect(within(first!).getByRole("button", { name: "Acknowledge Systolic BP alert" })).toBeInTheDocument();
  });

  it("marks an escalated alert with text until it is acknowledged", () => {
    const escalated = makeAlert({ parameter: "spo2", priority: "high", escalatedAt: at(12) });
    const acked = makeAlert({
      parameter: "hr",
      priority: "high",
      escalatedAt: at(12),
      acknowledgedAt: at(13),
      acknowledgedBy: physician,
    });
    renderWithProviders(<AlertList alerts={[escalated, acked, mediumNew]} canAcknowledge={false} />);
    const items = within(screen.getByRole("list", { name: "Alerts" })).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent("ESCALATED");
    expect(items.filter((li) => li.textContent?.includes("ESCALATED"))).toHaveLength(1);
  });

  it("names the overdue and stale parameters", () => {
    const overdue = makeAlert({
      parameter: "overdue",
      priority: "low",
      value: null,
      message: "BP due 19:10",
    });
    const stale = makeAlert({
      parameter: "stale",
      priority: "medium",
      value: null,
      message: "No monitor data",
    });
    renderWithProviders(<AlertList alerts={[overdue, stale]} canAcknowledge />);
    const [first, second] = within(screen.getByRole("list", { name: "Alerts" })).getAllByRole("listitem");
    expect(first).toHaveTextContent("● MEDIUM");
    expect(first).toHaveTextContent("Monitor stream stale");
    expect(second).toHaveTextContent("◆ LOW");
    expect(second).toHaveTextContent("BP overdue");
    expect(screen.getByRole("button", { name: "Acknowledge BP overdue alert" })).toBeInTheDocument();
  });
});
