import "fake-indexeddb/auto";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ids } from "../../../testing/fixtures.ts";
import { fakeRecordServer } from "../../outbox/fake-record-server.ts";
import { renderWithOutbox } from "../../outbox/render-with-outbox.tsx";
import { ObservationForm } from "./observation-form.tsx";

// the outbox works through IndexedDB and the fake fetch: allow for a loaded machine
const outboxWait = { timeout: 5000 };

afterEach(() => vi.unstubAllGlobals());

describe("ObservationForm", () => {
  it("saves on the device while offline, clears, and sends once back online", async () => {
    const server = fakeRecordServer();
    server.setMode("offline");
    const user = userEvent.setup();
    renderWithOutbox(<ObservationForm sessionId={ids.session} />);
    await user.click(screen.getByRole("radio", { name: /^4/ }));
    await user.type(screen.getByLabelText("Note (optional)"), "drowsy, rousable");
    await user.click(screen.getByRole("button", { name: "Record observation" }));
    await screen.findByText("Sedation (MOAA/S) saved on this device; waiting to sync.", {}, outboxWait);
    expect(screen.getByLabelText("Note (optional)")).toHaveValue("");
    expect(screen.getByRole("radio", { name: /^4/ })).not.toBeChecked();
    expect(server.stored.size).toBe(0);

    server.setMode("online");
    window.dispatchEvent(new Event("online"));
    await screen.findByText("Sedation (MOAA/S) recorded.", {}, outboxWait);
    const [stored] = [...server.stored.values()];
    expect(stored?.url).toBe(`/api/sessions/${ids.session}/observations`);
    expect(stored?.body).toMatchObject({ type: "sedation", moaas: 4, note: "drowsy, rousable" });
  });

  it("keeps a refused observation; the correction goes back with the same id", async () => {
    const server = fakeRecordServer();
    server.setMode({ status: 422, message: "The request is invalid", path: "note" });
    const user = userEvent.setup();
    renderWithOutbox(<ObservationForm sessionId={ids.session} />);
    await user.click(screen.getByRole("radio", { name: /^3/ }));
    await user.type(screen.getByLabelText("Note (optional)"), "x");
    await user.click(screen.getByRole("button", { name: "Record observation" }));
    const rejected = await screen.findByRole("alert", {}, outboxWait);
    expect(rejected).toHaveTextContent("Sedation (MOAA/S) 3");

    await user.click(within(rejected).getByRole("button", { name: /^Correct/ }));
    const note = screen.getByLabelText("Note (optional)");
    expect(note).toHaveValue("x");
    expect(note).toHaveAccessibleDescription(/The request is invalid/);
    server.setMode("online");
    await user.type(note, "-ray pending");
    await user.click(screen.getByRole("button", { name: "Record observation" }));
    await screen.findByText("Sedation (MOAA/S) recorded.", {}, outboxWait);
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument(), outboxWait);
    const [first, second] = server.posts;
    expect(second?.id).toBe(first?.id);
    expect([...server.stored.values()][0]?.body).toMatchObject({ moaas: 3, note: "x-ray pending" });
  });
});
