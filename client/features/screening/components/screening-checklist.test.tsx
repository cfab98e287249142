import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { questionsFor } from "../../../../shared/clinical/screening/checklist.ts";
import { defaultScreeningProfile } from "../../../../shared/clinical/screening/profile.ts";
import type { PreInfusionStatus } from "../../../../shared/schemas/screening.ts";
import { ids } from "../../../testing/fixtures.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { ScreeningChecklist } from "./screening-checklist.tsx";

afterEach(() => vi.unstubAllGlobals());

const status = (kind: "initial" | "follow_up"): PreInfusionStatus => ({
  sessionId: ids.session,
  kind,
  profile: defaultScreeningProfile,
  questions: questionsFor(defaultScreeningProfile, kind),
  screening: null,
  baseline: null,
  baselineLevel: "missing",
  baselineMessage: "No baseline BP recorded",
  canStart: true,
  blockers: [],
  cautions: [],
  clearances: [],
  outcomes: [],
});

const group = (label: string) => screen.getByRole("radiogroup", { name: label });

describe("ScreeningChecklist", () => {
  it("asks every question of the first-infusion checklist", () => {
    renderWithProviders(<ScreeningChecklist sessionId={ids.session} status={status("initial")} />);
    for (const label of [
      "History of substance or alcohol misuse",
      "Uncontrolled hypertension",
      "Pregnant or possibly pregnant",
      "History of psychosis",
      "Nothing by mouth for the required time",
      "Escort arranged to take the patient home",
    ]) {
      expect(group(label)).toBeTruthy();
    }
    expect(screen.getByRole("heading", { name: "Screening before the first infusion" })).toBeTruthy();
  });

  it("asks the short list later", () => {
    renderWithProviders(<ScreeningChecklist sessionId={ids.session} status={status("follow_up")} />);
    expect(screen.queryByRole("radiogroup", { name: "History of psychosis" })).toBeNull();
    expect(group("Escort arranged to take the patient home")).toBeTruthy();
  });

  it("marks unanswered questions and does not submit", async () => {
    const fetch = mockFetch(() => jsonResponse({}));
    const user = userEvent.setup();
    renderWithProviders(<ScreeningChecklist sessionId={ids.session} status={status("follow_up")} />);
    await user.click(within(group("Pregnant or possibly pregnant")).getByRole("radio", { name: "No" }));
    await user.click(screen.getByRole("button", { name: "Record screening" }));
    expect(group("Escort arranged to take the patient home").getAttribute("aria-invalid")).toBe("true");
    expect(group("Pregnant or possibly pregnant").getAttribute("aria-invalid")).toBeNull();
    expect(fetch).not.toHaveBeenCalled();
  });

  it("names a blocking answer as it is given, and sends every answer", async () => {
    const fetch = mockFetch(() => jsonResponse(status("follow_up"), 201));
    const user = userEvent.setup();
    renderWithProviders(<ScreeningChecklist sessionId={ids.session} status={status("follow_up")} />);
    const questions = questionsFor(defaultScreeningProfile, "follow_up");
    for (const q of questions) {
      const answer = q.id === "escort_arranged" ? "No" : q.blockingAnswer === "no" ? "Yes" : "No";
      await user.click(within(group(q.label)).getByRole("radio", { name: answer }));
    }
    expect(screen.getByText(/“No” needs a physician's clearance/)).toBeTruthy();
    await user.type(screen.getByLabelText("Medication list"), "Sertraline");
    await user.click(screen.getByRole("button", { name: "Record screening" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const body = JSON.parse(String(fetch.mock.calls[0]![1]!.body));
    expect(body.answers).toMatchObject({ escort_arranged: "no", nothing_by_mouth: "yes", pregnancy: "no" });
    expect(Object.keys(body.answers)).toHaveLength(questions.length);
    expect(body.medications).toBe("Sertraline");
  });
});
