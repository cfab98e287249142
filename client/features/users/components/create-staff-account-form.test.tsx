import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderWithProviders } from "../../../testing/render.tsx";
import { CreateStaffAccountForm } from "./create-staff-account-form.tsx";

afterEach(() => vi.unstubAllGlobals());

const account = {
  id: "7c9e6679-7425-40de-944b-e07fc1f90ae7",
  username: "nurse-kim",
  displayName: "Nurse Kim Park",
  role: "nurse",
  active: true,
  lockedUntil: null,
  createdAt: "2026-11-22T10:00:00.000Z",
};

async function fill(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.type(screen.getByLabelText("Username"), "nurse-kim");
  await user.type(screen.getByLabelText("Display name"), "Nurse Kim Park");
  await user.selectOptions(screen.getByLabelText("Role"), "nurse");
  await user.type(screen.getByLabelText("Initial password"), password);
  await user.click(screen.getByRole("button", { name: "Create account" }));
}

describe("CreateStaffAccountForm", () => {
  it("posts the account and confirms it", async () => {
    const fetch = mockFetch(() => jsonResponse(account, 201));
    const user = userEvent.setup();
    renderWithProviders(<CreateStaffAccountForm />);
    await fill(user, "kim starts on monday");
    await screen.findByText("Account nurse-kim (Nurse) created.");
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/admin/users");
    expect(JSON.parse(String(init?.body))).toEqual({
      username: "nurse-kim",
      displayName: "Nurse Kim Park",
      role: "nurse",
      password: "kim starts on monday",
    });
    expect(screen.getByLabelText("Username")).toHaveValue("");
  });

  it("refuses a password the policy rejects before sending anything", async () => {
    const fetch = mockFetch(() => jsonResponse(account, 201));
    const user = userEvent.setup();
    renderWithProviders(<CreateStaffAccountForm />);
    await fill(user, "short");
    expect(screen.getByLabelText("Initial password")).toHaveAccessibleDescription(/at least 12 characters/);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("shows the server's 409 next to the username", async () => {
    mockFetch(() =>
      jsonResponse(
        {
          error: {
            code: "conflict",
            message: 'The username "nurse-kim" is already taken: choose another one.',
            issues: [{ path: "username", message: "is already taken" }],
          },
        },
        409,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<CreateStaffAccountForm />);
    await fill(user, "kim starts on monday");
    await screen.findByText("is already taken");
    expect(screen.getByLabelText("Username")).toHaveAccessibleDescription("is already taken");
    expect(screen.getByLabelText("Username")).toHaveAttribute("aria-invalid", "true");
  });
});
