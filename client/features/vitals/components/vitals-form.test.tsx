import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ids, makeReading } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { VitalsForm } from "./vitals-form.tsx";

afterEach(() => vi.unstubAllGlobals());

function okResponse(body: Record<string, unknown>) {
  return jsonResponse(
    {
      reading: makeReading({
        id: body.id as string,
        observedAt: body.observedAt as string,
        sbp: 120,
        dbp: 80,
      }),
      alerts: [],
      created: true,
    },
    201,
  );
}

async function fillAll(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText("Systolic BP"), "120");
  await user.type(screen.getByLabelText("Diastolic BP"), "80");
  await user.type(screen.getByLabelText("Heart rate"), "72");
  await user.type(screen.getByLabelText("SpO2"), "98");
  await user.type(screen.getByLabelText("Respiratory rate"), "14");
}

describe("VitalsForm", () => {
  it("shows each shared-schema issue next to its field and does not submit", async () => {
    const fetch = mockFetch(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);

    await user.type(screen.getByLabelText("Systolic BP"), "120");
    await user.type(screen.getByLabelText("Heart rate"), "400");
    await user.click(screen.getByRole("button", { name: "Record vitals" }));

    const dbp = screen.getByLabelText("Diastolic BP");
    expect(dbp).toHaveAttribute("aria-invalid", "true");
    expect(dbp).toHaveAccessibleDescription(/systolic and diastolic must be entered together/);
    expect(screen.getByLabelText("Heart rate")).toHaveAccessibleDescription(
      /must be an integer between 20 and 300/,
    );
    expect(screen.getByLabelText("SpO2")).not.toHaveAttribute("aria-invalid");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("asks for at least one vital sign when empty", async () => {
    mockFetch(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await user.click(screen.getByRole("button", { name: "Record vitals" }));
    expect(screen.getByLabelText("Systolic BP")).toHaveAccessibleDescription(/enter at least one vital sign/);
  });

  it("derives MAP live from SBP and DBP", async () => {
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    const map = screen.getByLabelText("Mean arterial pressure");
    expect(map).toHaveTextContent("—");
    await user.type(screen.getByLabelText("Systolic BP"), "120");
    await user.type(screen.getByLabelText("Diastolic BP"), "80");
    expect(map).toHaveTextContent("93 mmHg");
  });

  it("previews the alert a value will raise before submitting", async () => {
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    expect(screen.queryByText(/will raise/)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Systolic BP"), "210");
    const preview = screen.getByText(/will raise/).closest("[role=status]");
    expect(preview).toHaveTextContent("HIGH");
    expect(preview).toHaveTextContent("Systolic BP 210 mmHg");
    await user.type(screen.getByLabelText("SpO2"), "90");
    expect(preview).toHaveTextContent("MEDIUM");
    expect(preview).toHaveTextContent("SpO2 90 %");
  });

  it("submits the right payload on Enter, then clears and refocuses Systolic BP", async () => {
    const fetch = mockFetch((_url, init) => okResponse(JSON.parse(String(init.body))));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await fillAll(user);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(`/api/sessions/${ids.session}/vitals`);
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    const body = JSON.parse(String(init?.body));
    expect(body).toMatchObject({ sbp: 120, dbp: 80, hr: 72, spo2: 98, rr: 14, source: "manual" });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(body.observedAt))).toBe(false);

    await waitFor(() => expect(screen.getByLabelText("Systolic BP")).toHaveValue(""));
    expect(screen.getByLabelText("Systolic BP")).toHaveFocus();
    expect(screen.getByLabelText("Respiratory rate")).toHaveValue("");
  });

  it("shows a server issue next to its field and keeps the id for the retry", async () => {
    const fetch = mockFetch(() =>
      jsonResponse(
        {
          error: {
            code: "validation_failed",
            message: "The request is invalid",
            issues: [{ path: "hr", message: "server refuses this heart rate" }],
          },
        },
        422,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Heart rate"), "72{Enter}");
    await waitFor(() =>
      expect(screen.getByLabelText("Heart rate")).toHaveAccessibleDescription(
        /server refuses this heart rate/,
      ),
    );
    await user.click(screen.getByRole("button", { name: "Record vitals" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    const first = JSON.parse(String(fetch.mock.calls[0]![1]?.body));
    const second = JSON.parse(String(fetch.mock.calls[1]![1]?.body));
    expect(second.id).toBe(first.id);
  });

  it("shows a non-field server error as an alert banner", async () => {
    mockFetch(() =>
      jsonResponse({ error: { code: "session_locked", message: "The session is locked" } }, 409),
    );
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Heart rate"), "72{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("The session is locked");
  });
});
