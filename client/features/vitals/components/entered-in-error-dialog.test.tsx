import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { makeObservation, makeReading, nurse, physician } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { ObservationList } from "../../observations/components/observation-list.tsx";
import { ReadingsTable } from "./readings-table.tsx";

afterEach(() => vi.unstubAllGlobals());

const amendment = { reason: "Typo", by: physician, at: "2026-11-22T19:30:00.000Z", supersededBy: null };

describe("entered in error", () => {
  it("needs a reason, then posts it with the optional corrected values", async () => {
    const reading = makeReading({ sbp: 210, dbp: 95, hr: 72, spo2: 98, rr: 14 });
    const fetch = mockFetch(() =>
      jsonResponse({
        original: { ...reading, status: "entered_in_error", enteredInError: amendment },
        correction: null,
        alerts: [],
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<ReadingsTable readings={[reading]} canAmend />);
    await user.click(screen.getByRole("button", { name: /^Entered in error: reading at \d\d:\d\d$/ }));
    const dialog = screen.getByRole("dialog", { name: "Entered in error" });
    expect(dialog).toHaveTextContent(/Reading at \d\d:\d\d: BP 210\/95, HR 72, SpO2 98, RR 14/);
    await user.click(within(dialog).getByRole("button", { name: "Mark entered in error" }));
    const reason = within(dialog).getByLabelText("Reason (required)");
    expect(reason).toHaveAccessibleDescription("is required: say why the entry is in error");
    expect(fetch).not.toHaveBeenCalled();

    await user.type(reason, "Typo: 210 for 120");
    await user.type(within(dialog).getByLabelText("Corrected Systolic BP (mmHg)"), "120");
    await user.type(within(dialog).getByLabelText("Corrected Diastolic BP (mmHg)"), "95");
    await user.click(within(dialog).getByRole("button", { name: "Mark entered in error" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/readings/${reading.id}/entered-in-error`);
    expect(JSON.parse(String(init?.body))).toEqual({
      reason: "Typo: 210 for 120",
      correction: {
        id: expect.any(String),
        observedAt: reading.observedAt,
        source: "manual",
        sbp: 120,
        dbp: 95,
      },
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
  });

  it("refuses an impossible correction at its field", async () => {
    const fetch = mockFetch(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<ReadingsTable readings={[makeReading()]} canAmend />);
    await user.click(screen.getByRole("button", { name: /Entered in error/ }));
    await user.type(screen.getByLabelText("Reason (required)"), "swapped");
    await user.type(screen.getByLabelText("Corrected Systolic BP (mmHg)"), "70");
    await user.type(screen.getByLabelText("Corrected Diastolic BP (mmHg)"), "90");
    await user.click(screen.getByRole("button", { name: "Mark entered in error" }));
    expect(screen.getByLabelText("Corrected Systolic BP (mmHg)")).toHaveAccessibleDescription(
      "systolic must be above diastolic",
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("strikes through an amended reading and names the reason, with no action", () => {
    const reading = makeReading({ sbp: 210, dbp: 95, status: "entered_in_error", enteredInError: amendment });
    renderWithProviders(<ReadingsTable readings={[reading]} canAmend />);
    const row = screen.getByRole("row", { name: /Entered in error/ });
    expect(within(row).getByText("210/95").tagName).toBe("DEL");
    expect(row).toHaveTextContent("Entered in error: Typo (Dr Xu)");
    expect(within(row).queryByRole("button")).not.toBeInTheDocument();
  });

  it("offers no action without the right to amend", () => {
    renderWithProviders(<ReadingsTable readings={[makeReading()]} />);
    expect(screen.queryByRole("button", { name: /Entered in error/ })).not.toBeInTheDocument();
  });

  it("amends an observation with a corrected MOAA/S, and strikes an amended one through", async () => {
    const check = makeObservation({ type: "sedation", severity: null, moaas: 3 });
    const amended = makeObservation({
      status: "entered_in_error",
      enteredInError: { ...amendment, by: nurse },
    });
    const fetch = mockFetch(() => jsonResponse({ original: check, correction: null, alerts: [] }));
    const user = userEvent.setup();
    renderWithProviders(<ObservationList observations={[amended, check]} canAmend />);
    const struck = screen.getByText(/Entered in error: Typo \(Nurse Nina\)/).closest("li")!;
    expect(struck.querySelector("del")).toHaveTextContent("Nausea");
    await user.click(screen.getByRole("button", { name: /^Entered in error: observation at \d\d:\d\d$/ }));
    expect(screen.getByRole("dialog")).toHaveTextContent(/Sedation \(MOAA\/S\) at \d\d:\d\d: MOAA\/S 3/);
    await user.type(screen.getByLabelText("Reason (required)"), "Wrong chair");
    await user.selectOptions(screen.getByLabelText("Corrected MOAA/S"), "5");
    await user.click(screen.getByRole("button", { name: "Mark entered in error" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/observations/${check.id}/entered-in-error`);
    expect(JSON.parse(String(init?.body))).toMatchObject({
      reason: "Wrong chair",
      correction: { type: "sedation", moaas: 5, observedAt: check.observedAt },
    });
  });
});
