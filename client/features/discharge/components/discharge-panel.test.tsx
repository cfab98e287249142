import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { emptyChecklist } from "../../../../shared/clinical/discharge/checklist.ts";
import { defaultDischargeProfile } from "../../../../shared/clinical/discharge/profile.ts";
import { evaluateDischarge } from "../../../../shared/clinical/discharge/readiness.ts";
import type { DischargeReadiness } from "../../../../shared/schemas/discharge-readiness.ts";
import { at, makeDetail, makeSession, nurse } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { DischargePanel } from "./discharge-panel.tsx";

afterEach(() => vi.unstubAllGlobals());

const MIN = 60_000;
const stop = Date.parse(at(45));
const ticked = {
  oriented: true,
  steadyGait: true,
  nauseaControlled: true,
  painControlled: true,
  escortPresent: true,
  noDrivingAdvised: true,
};

/** Readiness as the server builds it, from the shared evaluation: `minutes` after the stop. */
function readiness(minutes: number, checklist = ticked): DischargeReadiness {
  const reading = (m: number) => ({ t: stop + m * MIN, sbp: 120, dbp: 80, hr: 70, spo2: 98 });
  const e = evaluateDischarge(
    {
      now: stop + minutes * MIN,
      infusionStartedAt: stop - 40 * MIN,
      infusionStoppedAt: stop,
      readings: [reading(5), reading(15)],
      sedationChecks: [{ t: stop + 16 * MIN, moaas: 5 }],
      nauseaEvents: [],
      openAlerts: [],
      baseline: { sbp: 120, dbp: 80, hr: 70 },
      checklist,
    },
    defaultDischargeProfile,
  );
  return {
    evaluatedAt: new Date(stop + minutes * MIN).toISOString(),
    profile: defaultDischargeProfile,
    baseline: { sbp: 120, dbp: 80, hr: 70 },
    criteria: e.criteria,
    checklist: { items: checklist, updatedBy: nurse, updatedAt: at(60) },
    checklistCriteria: e.checklist,
    padss: e.padss,
    unmet: e.unmet,
    ready: e.ready,
  };
}

function render(r: DischargeReadiness, role: "nurse" | "physician" = "physician") {
  const detail = makeDetail({ session: makeSession({ phase: "recovery" }), dischargeReadiness: r });
  return renderWithProviders(<DischargePanel detail={detail} role={role} />);
}

describe("DischargePanel", () => {
  it("shows each criterion as met or not met in words, with its reason, and the PADSS items", async () => {
    mockFetch(() => jsonResponse(readiness(20)));
    render(readiness(20));
    const list = screen.getByRole("list", { name: "Discharge criteria" });
    const time = within(list).getByText("At least 30 min since the infusion stopped").closest("li")!;
    expect(time).toHaveTextContent("Not met");
    expect(time).toHaveTextContent("20 min since the infusion stopped; 30 required (10 min to go)");
    const spo2 = within(list).getByText("SpO2 above 92 %").closest("li")!;
    expect(spo2).toHaveTextContent(/Met.*Last SpO2 98 %/);
    expect(screen.getByText(/Not ready: 1 unmet/)).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: /Modified PADSS: 10 of 10/ })).toBeInTheDocument();
    expect(screen.getByRole("row", { name: /Activity and mental status 2 of 2/ })).toBeInTheDocument();
    expect(screen.getByText(/Last updated by Nurse Nina/)).toBeInTheDocument();
  });

  it("requires an override reason for each unmet criterion before signing, then sends them", async () => {
    const fetch = mockFetch((url) =>
      url.endsWith("/discharge") ? jsonResponse(makeDetail()) : jsonResponse(readiness(20)),
    );
    const user = userEvent.setup();
    render(readiness(20));
    await user.click(screen.getByRole("checkbox", { name: "I confirm the meaning of this signature" }));
    await user.type(screen.getByLabelText("Password (signature)"), "physician-demo");
    await user.click(screen.getByRole("button", { name: "Sign discharge" }));
    const reason = screen.getByLabelText("Override reason: At least 30 min since the infusion stopped");
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(reason).toHaveAccessibleDescription(/give a written reason to override this criterion/);
    expect(fetch.mock.calls.some(([url]) => String(url).endsWith("/discharge"))).toBe(false);

    await user.type(reason, "Stable, escort waiting");
    await user.click(screen.getByRole("button", { name: "Sign discharge" }));
    await waitFor(() =>
      expect(fetch.mock.calls.some(([url]) => String(url).endsWith("/discharge"))).toBe(true),
    );
    const [, init] = fetch.mock.calls.find(([url]) => String(url).endsWith("/discharge"))!;
    expect(JSON.parse(String(init?.body))).toEqual({
      password: "physician-demo",
      meaningAccepted: true,
      overrides: [{ criterionId: "observation_time", reason: "Stable, escort waiting" }],
    });
  });

  it("asks no override when every criterion is met", () => {
    mockFetch(() => jsonResponse(readiness(31)));
    render(readiness(31));
    expect(screen.getByText(/Ready for discharge/)).toBeInTheDocument();
    expect(screen.queryByLabelText(/Override reason/)).not.toBeInTheDocument();
  });

  it("lets the nurse save the checklist but not sign", async () => {
    const fetch = mockFetch((_url, init) =>
      jsonResponse(readiness(31, init.method === "POST" ? emptyChecklist() : ticked)),
    );
    const user = userEvent.setup();
    render(readiness(31), "nurse");
    expect(screen.queryByRole("button", { name: "Sign discharge" })).not.toBeInTheDocument();
    const save = screen.getByRole("button", { name: "Save checklist" });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole("checkbox", { name: "Steady gait" }));
    await user.click(save);
    await waitFor(() => expect(fetch.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true));
    const [url, init] = fetch.mock.calls.find(([, i]) => i?.method === "POST")!;
    expect(url).toMatch(/\/discharge-checklist$/);
    expect(JSON.parse(String(init?.body)).items).toEqual({ ...ticked, steadyGait: false });
  });
});
