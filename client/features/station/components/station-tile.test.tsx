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
});
