import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PHQ9_ITEMS } from "../../../../shared/clinical/courses/outcomes.ts";
import { ids, nurse, t0 } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { Phq9Form } from "./phq9-form.tsx";

afterEach(() => vi.unstubAllGlobals());

const group = (n: number) => screen.getByRole("radiogroup", { name: `${n}. ${PHQ9_ITEMS[n - 1]}` });

/** fireEvent keeps the nine-item forms fast; userEvent covers the buttons. */
function answer(n: number, label: string) {
  fireEvent.click(within(group(n)).getByRole("radio", { name: label }));
}

describe("Phq9Form", () => {
  it("shows the running total and band, and names each unanswered item without submitting", async () => {
    const fetch = mockFetch(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<Phq9Form sessionId={ids.session} />);
    answer(1, "Nearly every day (3)");
    answer(2, "More than half the days (2)");
    expect(screen.getByText(/PHQ-9 total:/).textContent).toContain("5 of 27 · Mild · 2 of 9 answered");

    await user.click(screen.getByRole("button", { name: "Record PHQ-9" }));
    expect(within(group(3)).getByText(/item 3 \(Trouble falling.*must be 0, 1, 2 or 3/)).toBeTruthy();
    expect(group(9).getAttribute("aria-invalid")).toBe("true");
    expect(group(1).getAttribute("aria-invalid")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("warns at once when item 9 is positive", async () => {
    mockFetch(() => jsonResponse({}));
    renderWithProviders(<Phq9Form sessionId={ids.session} />);
    answer(9, "Several days (1)");
    expect(screen.getByRole("alert").textContent).toMatch(/Item 9 is positive/);
  });

  it("sends the nine answers with who answered", async () => {
    const fetch = mockFetch((_url, init) => {
      const body = JSON.parse(String(init.body));
      return jsonResponse(
        {
          id: "aaaaaaaa-aaaa-4aaa-8aaa-000000000001",
          sessionId: ids.session,
          instrument: "phq9",
          items: body.items,
          total: 9,
          severity: "Mild",
          respondent: body.respondent,
          recordedBy: nurse,
          recordedAt: t0,
        },
        201,
      );
    });
    const user = userEvent.setup();
    renderWithProviders(<Phq9Form sessionId={ids.session} />);
    await user.click(screen.getByRole("radio", { name: "Clinician (asked aloud)" }));
    for (let n = 1; n <= 9; n++) answer(n, "Several days (1)");
    await user.click(screen.getByRole("button", { name: "Record PHQ-9" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe(`/api/sessions/${ids.session}/outcomes`);
    expect(JSON.parse(String(init!.body))).toEqual({
      instrument: "phq9",
      items: Array(9).fill(1),
      respondent: "clinician",
    });
    await screen.findByText("PHQ-9 recorded: 9 (Mild).");
  });

  it("places a server issue under its item", async () => {
    mockFetch(() =>
      jsonResponse(
        {
          error: {
            code: "validation_failed",
            message: "Invalid request",
            issues: [
              { path: "items.4", message: "item 5 (Poor appetite or overeating) must be 0, 1, 2 or 3" },
            ],
          },
        },
        400,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<Phq9Form sessionId={ids.session} />);
    for (let n = 1; n <= 9; n++) answer(n, "Not at all (0)");
    await user.click(screen.getByRole("button", { name: "Record PHQ-9" }));
    await waitFor(() => expect(within(group(5)).getByText(/item 5 \(Poor appetite/)).toBeTruthy());
  });
});
