import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  ids,
  latestFrom,
  makeAlert,
  makeReading,
  makeSession,
  makeSummary,
  physician,
} from "../../../testing/fixtures.ts";
import { renderWithProviders } from "../../../testing/render.tsx";
import { StationTile } from "./station-tile.tsx";
import { staleParameters } from "./station-tile-stale.tsx";

const ago = (seconds: number) => new Date(Date.now() - seconds * 1000).toISOString();

describe("StationTile", () => {
  it("is an article named by chair and patient, linking to the session", () => {
    renderWithProviders(<StationTile summary={makeSummary()} />);
    const tile = screen.getByRole("article", { name: "Chair 3: Jane Doe" });
    expect(within(tile).getByRole("link", { name: "Jane Doe" })).toHaveAttribute(
      "href",
      `/sessions/${ids.session}`,
    );
  });

  it("shows the latest vitals, the phase and the worst priority as text", () => {
    const reading = makeReading({ sbp: 182, dbp: 95, hr: 101, spo2: 91, rr: 16 });
    const summary = makeSummary({
      session: makeSession({ phase: "recovery", infusionStoppedAt: new Date().toISOString() }),
      latestVitals: reading,
      latestValues: latestFrom(reading),
      openAlerts: [
        makeAlert({ priority: "medium" }),
        makeAlert({
          parameter: "spo2",
          priority: "high",
          acknowledgedAt: new Date().toISOString(),
          acknowledgedBy: physician,
        }),
      ],
      worstOpenPriority: "high",
    });
    renderWithProviders(<StationTile summary={summary} />);
    const tile = screen.getByRole("article", { name: "Chair 3: Jane Doe" });
    expect(tile).toHaveTextContent("182/95");
    expect(tile).toHaveTextContent("101");
    expect(tile).toHaveTextContent("91");
    expect(tile).toHaveTextContent("Recovery");
    expect(tile).toHaveTextContent("▲ HIGH");
    expect(tile).toHaveTextContent("1 unacknowledged");
  });

  it("says OK when nothing is open, and no vitals yet", () => {
    renderWithProviders(<StationTile summary={makeSummary()} />);
    const tile = screen.getByRole("article", { name: "Chair 3: Jane Doe" });
    expect(tile).toHaveTextContent("✓ OK");
    expect(tile).toHaveTextContent("No vitals yet");
    expect(tile).toHaveTextContent("Infusing");
    expect(tile).toHaveTextContent("0 unacknowledged");
  });

  it("marks a chair with an escalated, unacknowledged alert, and shows low as text", () => {
    const summary = makeSummary({
      openAlerts: [
        makeAlert({ parameter: "overdue", priority: "low", escalatedAt: new Date().toISOString() }),
      ],
      worstOpenPriority: "low",
    });
    renderWithProviders(<StationTile summary={summary} />);
    const tile = screen.getByRole("article", { name: "Chair 3: Jane Doe" });
    expect(tile).toHaveTextContent("◆ LOW");
    expect(tile).toHaveTextContent("ESCALATED");
  });

  it("drops the escalated marker once the alert is acknowledged", () => {
    const summary = makeSummary({
      openAlerts: [
        makeAlert({
          priority: "high",
          escalatedAt: new Date().toISOString(),
          acknowledgedAt: new Date().toISOString(),
          acknowledgedBy: physician,
        }),
      ],
      worstOpenPriority: "high",
    });
    renderWithProviders(<StationTile summary={summary} />);
    const tile = screen.getByRole("article", { name: "Chair 3: Jane Doe" });
    expect(tile).toHaveTextContent("▲ HIGH");
    expect(tile).not.toHaveTextContent("ESCALATED");
  });

  it("marks a monitor-fed HR/SpO2 stale after 60 s without a new value, in text", () => {
    const reading = makeReading({ source: "monitor", observedAt: ago(90), sbp: null, dbp: null, map: null });
    const bp = makeReading({ observedAt: ago(5 * 60) });
    const summary = makeSummary({
      latestVitals: reading,
      latestValues: {
        ...latestFrom(bp),
        hr: { value: 88, observedAt: reading.observedAt },
        spo2: { value: 96, observedAt: reading.observedAt },
      },
    });
    renderWithProviders(<StationTile summary={summary} />);
    const tile = screen.getByRole("article", { name: "Chair 3: Jane Doe" });
    expect(tile).toHaveTextContent(
      /Stale: HR last 1:\d\d ago, SpO2 last 1:\d\d ago; no newer value received/,
    );
    expect(within(tile).getByText("HR").nextElementSibling).toHaveTextContent("(stale)");
    expect(within(tile).getByText("BP").nextElementSibling).not.toHaveTextContent("stale");
  });

  it("marks a manual value stale after twice the phase's BP interval, and not before", () => {
    const now = Date.now();
    const summaryAt = (ageMin: number, phase: "infusing" | "recovery" | "pre_infusion") => {
      const r = makeReading({ observedAt: new Date(now - ageMin * 60_000).toISOString() });
      return makeSummary({ session: makeSession({ phase }), latestVitals: r, latestValues: latestFrom(r) });
    };
    expect([...staleParameters(summaryAt(19, "infusing"), now).keys()]).toEqual([]);
    expect([...staleParameters(summaryAt(21, "infusing"), now).keys()]).toEqual(["BP", "HR", "SpO2", "RR"]);
    expect([...staleParameters(summaryAt(29, "recovery"), now).keys()]).toEqual([]);
    expect([...staleParameters(summaryAt(31, "recovery"), now).keys()]).toEqual(["BP", "HR", "SpO2", "RR"]);
    // before the infusion no interval is expected: an old baseline is not stale
    expect(staleParameters(summaryAt(120, "pre_infusion"), now).size).toBe(0);
  });

  it("a fresh monitor stream is not stale", () => {
    const reading = makeReading({ source: "monitor", observedAt: ago(2) });
    const summary = makeSummary({ latestVitals: reading, latestValues: latestFrom(reading) });
    renderWithProviders(<StationTile summary={summary} />);
    expect(screen.getByRole("article", { name: "Chair 3: Jane Doe" })).not.toHaveTextContent(/stale/i);
  });
});
