import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultProfile } from "../../../../shared/clinical/engine/profile.ts";
import { type EngineState, initialState } from "../../../../shared/clinical/engine/state.ts";
import { step } from "../../../../shared/clinical/engine/step.ts";
import { ids, makeReading } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch } from "../../../testing/render.tsx";
import { renderWithOutbox } from "../../outbox/render-with-outbox.tsx";
import { VitalsForm } from "./vitals-form.tsx";

// the outbox works through IndexedDB and the fake fetch: allow for a loaded machine
const outboxWait = { timeout: 5000 };

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
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);

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
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    await user.click(screen.getByRole("button", { name: "Record vitals" }));
    expect(screen.getByLabelText("Systolic BP")).toHaveAccessibleDescription(/enter at least one vital sign/);
  });

  it("derives MAP live from SBP and DBP", async () => {
    mockApi(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    const map = screen.getByLabelText("Mean arterial pressure");
    expect(map).toHaveTextContent("—");
    await user.type(screen.getByLabelText("Systolic BP"), "120");
    await user.type(screen.getByLabelText("Diastolic BP"), "80");
    expect(map).toHaveTextContent("93 mmHg");
  });

  it("previews the alert a value will raise before submitting", async () => {
    const { fetch } = mockApi(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
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
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Systolic BP"), "185");
    const region = await screen.findByText(/confirmed by 182 mmHg/, {}, outboxWait);
    expect(region.closest("[role=status]")).toHaveTextContent(
      "▲ HIGH Systolic BP 185 mmHg ≥ 180, confirmed by 182 mmHg 5 min earlier (upgrades the open alert)",
    );
  });

  it("without a previous reading the same value is only medium", async () => {
    mockApi(() => jsonResponse({}), initialState("infusing", Date.now() - 20 * 60_000));
    const user = userEvent.setup();
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Systolic BP"), "185");
    const preview = screen.getByText(/will raise/).closest("[role=status]");
    await waitFor(() => expect(preview).not.toHaveTextContent("context is not loaded"));
    expect(preview).toHaveTextContent("● MEDIUM Systolic BP 185 mmHg ≥ 165");
    expect(preview).not.toHaveTextContent("HIGH");
  });

  it("submits the right payload on Enter, then clears and refocuses Systolic BP", async () => {
    const { calls } = mockApi((_url, init) => okResponse(JSON.parse(String(init.body))));
    const user = userEvent.setup();
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    await fillAll(user);
    await user.keyboard("{Enter}");

    await waitFor(() => expect(calls()).toHaveLength(1), outboxWait);
    const [url, init] = calls()[0]!;
    expect(url).toBe(`/api/sessions/${ids.session}/vitals`);
    expect(init?.method).toBe("POST");
    expect(init?.credentials).toBe("same-origin");
    const body = JSON.parse(String(init?.body));
    expect(body).toMatchObject({ sbp: 120, dbp: 80, hr: 72, spo2: 98, rr: 14, source: "manual" });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(body.observedAt))).toBe(false);

    await waitFor(() => expect(screen.getByLabelText("Systolic BP")).toHaveValue(""), outboxWait);
    expect(screen.getByLabelText("Systolic BP")).toHaveFocus();
    expect(screen.getByLabelText("Respiratory rate")).toHaveValue("");
  });

  it("clears at once while offline, says the reading waits, and sends it when back online", async () => {
    let online = false;
    const { calls } = mockApi((_url, init) => {
      if (!online) throw new TypeError("Failed to fetch");
      return okResponse(JSON.parse(String(init.body)));
    });
    const user = userEvent.setup();
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    await fillAll(user);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByLabelText("Systolic BP")).toHaveValue(""), outboxWait);
    await waitFor(() => expect(calls()).toHaveLength(1), outboxWait);
    expect(screen.getByText(/saved on this device; waiting to sync/)).toBeInTheDocument();

    online = true;
    window.dispatchEvent(new Event("online"));
    await screen.findByText(/Reading recorded at/, {}, outboxWait);
    const sentIds = calls().map(([, init]) => JSON.parse(String(init?.body)).id);
    expect(new Set(sentIds).size).toBe(1);
  });

  it("keeps a refused reading with the server's reason; the correction is resent with the same id", async () => {
    let refuse = true;
    const { calls } = mockApi((_url, init) =>
      refuse
        ? jsonResponse(
            {
              error: {
                code: "validation_failed",
                message: "The request is invalid",
                issues: [{ path: "hr", message: "server refuses this heart rate" }],
              },
            },
            422,
          )
        : okResponse(JSON.parse(String(init.body))),
    );
    const user = userEvent.setup();
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Heart rate"), "72{Enter}");
    const rejected = await screen.findByRole("alert", {}, outboxWait);
    expect(rejected).toHaveTextContent("Vitals HR 72");
    expect(rejected).toHaveTextContent("server refuses this heart rate");

    await user.click(within(rejected).getByRole("button", { name: /^Correct/ }));
    const hr = screen.getByLabelText("Heart rate");
    expect(hr).toHaveValue("72");
    expect(hr).toHaveAccessibleDescription(/server refuses this heart rate/);
    refuse = false;
    await user.clear(hr);
    await user.type(hr, "74{Enter}");
    await screen.findByText(/Reading recorded at/, {}, outboxWait);
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    const [first, second] = calls().map(([, init]) => JSON.parse(String(init?.body)));
    expect(second.id).toBe(first.id);
    expect(second.observedAt).toBe(first.observedAt);
    expect(second.hr).toBe(74);
  });

  it("never drops a refused reading by itself: only an explicit, confirmed discard removes it", async () => {
    mockApi(() => jsonResponse({ error: { code: "session_locked", message: "The session is locked" } }, 409));
    const user = userEvent.setup();
    renderWithOutbox(<VitalsForm sessionId={ids.session} />);
    await user.type(screen.getByLabelText("Heart rate"), "72{Enter}");
    const rejected = await screen.findByRole("alert", {}, outboxWait);
    expect(rejected).toHaveTextContent("The session is locked");
    await user.click(within(rejected).getByRole("button", { name: /^Discard/ }));
    await user.click(within(rejected).getByRole("button", { name: "Keep it" }));
    expect(screen.getByRole("alert")).toHaveTextContent("The session is locked");
    await user.click(within(rejected).getByRole("button", { name: /^Discard/ }));
    await user.click(within(rejected).getByRole("button", { name: "Yes, discard" }));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument(), outboxWait);
  });
});
