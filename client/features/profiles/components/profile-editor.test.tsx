import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultProfile } from "../../../../shared/clinical/engine/profile.ts";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { useUpdateClinicProfile } from "../api/update-clinic-profile.ts";
import { ProfileEditor } from "./profile-editor.tsx";

afterEach(() => vi.unstubAllGlobals());

/** The editor as the profiles page wires it: saving posts the clinic profile. */
function ClinicEditor() {
  const update = useUpdateClinicProfile();
  return (
    <ProfileEditor
      initial={defaultProfile}
      idPrefix="clinic"
      heading="Thresholds"
      submitLabel="Save clinic profile"
      pending={update.isPending}
      error={update.error}
      onSave={(body, onSaved) => update.mutate(body, { onSuccess: onSaved })}
    />
  );
}

const saved = (profile: unknown) => jsonResponse({ current: profile, isBuiltInDefault: false, history: [] });

/** getByRole without the visibility check, which is slow on a form this size in jsdom. */
const button = (name: string) => screen.getByRole("button", { name, hidden: true });

/** One change event: typing key by key re-renders the whole editor each time (slow in jsdom). */
function replace(label: string, text: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value: text } });
}

async function typeReason(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByLabelText("Reason for change"));
  await user.paste(text);
}

// a big form in jsdom: each query walks every field, so allow more than the default 5 s
describe("ProfileEditor", { timeout: 15_000 }, () => {
  it("submits the edited profile with the reason", async () => {
    const fetch = mockFetch((_url, init) => saved(JSON.parse(String(init.body)).profile));
    const user = userEvent.setup();
    renderWithProviders(<ClinicEditor />);
    expect(screen.getByLabelText("Systolic BP level 1 value")).toHaveValue("200");
    replace("Systolic BP level 1 value", "210");
    replace("Heart rate level 3 priority", "high");
    await typeReason(user, "Hypertensive cohort");
    await user.click(button("Save clinic profile"));

    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/profiles/clinic");
    expect(init?.method).toBe("POST");
    const expected = structuredClone(defaultProfile);
    expected.vitals.sbp.levels[0]!.value = 210;
    expected.vitals.hr.levels[2]!.priority = "high";
    expect(JSON.parse(String(init?.body))).toEqual({ profile: expected, reason: "Hypertensive cohort" });
    expect(await screen.findByText("Saved.")).toBeInTheDocument();
  });

  it("requires a reason for the change and does not submit without one", async () => {
    const fetch = mockFetch(() => saved(defaultProfile));
    const user = userEvent.setup();
    renderWithProviders(<ClinicEditor />);
    await user.click(button("Save clinic profile"));
    const reason = screen.getByLabelText("Reason for change");
    expect(reason).toHaveAttribute("aria-invalid", "true");
    expect(reason).toHaveAccessibleDescription(/must not be empty/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("refuses a value that is not a number, next to its field", async () => {
    const fetch = mockFetch(() => saved(defaultProfile));
    const user = userEvent.setup();
    renderWithProviders(<ClinicEditor />);
    replace("SpO2 level 2 value", "ninety");
    await typeReason(user, "typo");
    await user.click(button("Save clinic profile"));
    expect(screen.getByLabelText("SpO2 level 2 value")).toHaveAttribute("aria-invalid", "true");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows a server issue next to the field it names", async () => {
    mockFetch(() =>
      jsonResponse(
        {
          error: {
            code: "validation_failed",
            message: "The request is invalid",
            issues: [{ path: "profile.vitals.sbp.levels.0.value", message: "server says: too high" }],
          },
        },
        422,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<ClinicEditor />);
    await typeReason(user, "try");
    await user.click(button("Save clinic profile"));
    const field = screen.getByLabelText("Systolic BP level 1 value");
    await waitFor(() => expect(field).toHaveAccessibleDescription(/server says: too high/));
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByRole("alert", { hidden: true })).not.toBeInTheDocument();
  });

  it("adds and removes levels", async () => {
    const fetch = mockFetch((_url, init) => saved(JSON.parse(String(init.body)).profile));
    const user = userEvent.setup();
    renderWithProviders(<ClinicEditor />);
    await user.click(button("Add Heart rate level"));
    replace("Heart rate level 5 value", "35");
    replace("Heart rate level 5 comparison", "<");
    replace("Heart rate level 5 priority", "high");
    await user.click(button("Remove Systolic BP level 2"));
    await typeReason(user, "per protocol");
    await user.click(button("Save clinic profile"));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    const { profile } = JSON.parse(String(fetch.mock.calls[0]![1]?.body));
    expect(profile.vitals.hr.levels.at(-1)).toEqual({ op: "<", value: 35, priority: "high" });
    expect(profile.vitals.sbp.levels).toHaveLength(5);
    expect(profile.vitals.sbp.levels[1]).toEqual({ op: "<", value: 80, priority: "high" });
  });
});
