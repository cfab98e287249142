import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultProfile } from "../../../../shared/clinical/engine/profile.ts";
import { type EngineState, initialState } from "../../../../shared/clinical/engine/state.ts";
import { step } from "../../../../shared/clinical/engine/step.ts";
import { ids, makeReading } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { VitalsForm } from "./vitals-form.tsx";

afterEach(() => vi.unstubAllGlobals());

const contextUrl = `/api/sessions/${ids.session}/alert-context`;

/**
 * Answers the preview's alert-context request with `state` (default profile) and every other
 * request with `respond`; returns the mock and the calls that were not the context.
 */
function mockApi(respond: (url: string, init: RequestInit) => Response, state: EngineState | null = null) {
  const fetch = mockFetch((url, init) =>
    url === contextUrl ? jsonResponse({ profile: defaultProfile, state }) : respond(url, init),
  );
  const calls = () => fetch.mock.calls.filter(([url]) => String(url) !== contextUrl);
  return { fetch, calls };
}

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
    const { calls } = mockApi(() => jsonResponse({}));
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
    expect(calls()).toHaveLength(0);
  });

  it("asks for at least one vital sign when empty", async () => {
    mockApi(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await user.click(screen.getByRole("button", { name: "Record vitals" }));
    expect(screen.getByLabelText("Systolic BP")).toHaveAccessibleDescription(/enter at least one vital sign/);
  });

  it("derives MAP live from SBP and DBP", async () => {
    mockApi(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    const map = screen.getByLabelText("Mean arterial pressure");
    expect(map).toHaveTextContent("—");
    await user.type(screen.getByLabelText("Systolic BP"), "120");
    await user.type(screen.getByLabelText("Diastolic BP"), "80");
    expect(map).toHaveTextContent("93 mmHg");
  });

  it("previews the alert a value will raise before submitting", async () => {
    const { fetch } = mockApi(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await waitFor(() => expect(fetch).toHaveBeenCalledWith(contextUrl, expect.anything()));
    expect(screen.queryByText(/will raise/)).not.toBeInTheDocument();
    await user.type(screen.getByLabelText("Systolic BP"), "210");
    const preview = screen.getByText(/will raise/).closest("[role=status]");
    expect(preview).toHaveTextContent("▲ HIGH Systolic BP 210 mmHg ≥ 200");
    await user.type(screen.getByLabelText("SpO2"), "90");
    expect(preview).toHaveTextContent("● MEDIUM SpO2 90% < 92");
  });

  it("previews a confirmation rule as high when the session has a previous reading", async () => {
    // infusing since 20 min ago; an SBP of 182 five minutes ago raised a medium alert
    const now = Date.now();
    let state = initialState("infusing", now - 20 * 60_000);
    state = step(
      state,
      { kind: "vitals", t: now - 5 * 60_000, source: "manual", sbp: 182 },
      defaultProfile,
    ).state;
    mockApi(() => jsonResponse({}), state);
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Systolic BP"), "185");
    const region = await screen.findByText(/confirmed by 182 mmHg/);
    expect(region.closest("[role=status]")).toHaveTextContent(
      "▲ HIGH Systolic BP 185 mmHg ≥ 180, confirmed by 182 mmHg 5 min earlier (upgrades the open alert)",
    );
  });

  it("without a previous reading the same value is only medium", async () => {
    mockApi(() => jsonResponse({}), initialState("infusing", Date.now() - 20 * 60_000));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Systolic BP"), "185");
    const preview = screen.getByText(/will raise/).closest("[role=status]");
    await waitFor(() => expect(preview).not.toHaveTextContent("context is not loaded"));
    expect(preview).toHaveTextContent("● MEDIUM Systolic BP 185 mmHg ≥ 165");
    expect(preview).not.toHaveTextContent("HIGH");
  });

  it("submits the right payload on Enter, then clears and refocuses Systolic BP", async () => {
    const { calls } = mockApi((_url, init) => okResponse(JSON.parse(String(init.body))));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await fillAll(user);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(calls()).toHaveLength(1));
    const [url, init] = calls()[0]!;
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
    const { calls } = mockApi(() =>
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
    await waitFor(() => expect(calls()).toHaveLength(2));
    const first = JSON.parse(String(calls()[0]![1]?.body));
    const second = JSON.parse(String(calls()[1]![1]?.body));
    expect(second.id).toBe(first.id);
  });

  it("shows a non-field server error as an alert banner", async () => {
    mockApi(() => jsonResponse({ error: { code: "session_locked", message: "The session is locked" } }, 409));
    const user = userEvent.setup();
    renderWithProviders(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Heart rate"), "72{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("The session is locked");
  });
});
