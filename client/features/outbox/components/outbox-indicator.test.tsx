import "fake-indexeddb/auto";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ids, makeSummary, physician } from "../../../testing/fixtures.ts";
import { StationTile } from "../../station/components/station-tile.tsx";
import { VitalsForm } from "../../vitals/components/vitals-form.tsx";
import { fakeRecordServer } from "../fake-record-server.ts";
import { renderWithOutbox } from "../render-with-outbox.tsx";
import { OutboxIndicator } from "./outbox-indicator.tsx";
import { SessionOutboxStatus } from "./session-outbox-status.tsx";

// the outbox works through IndexedDB and the fake fetch: allow for a loaded machine
const outboxWait = { timeout: 5000 };

afterEach(() => vi.unstubAllGlobals());

function Page() {
  return (
    <>
      <OutboxIndicator />
      <SessionOutboxStatus sessionId={ids.session} />
      <StationTile summary={makeSummary()} />
      <VitalsForm sessionId={ids.session} />
    </>
  );
}

async function enterReadings(user: ReturnType<typeof userEvent.setup>, hrs: number[]) {
  for (const hr of hrs) {
    await user.type(screen.getByLabelText("Heart rate"), `${hr}{Enter}`);
    await waitFor(() => expect(screen.getByLabelText("Heart rate")).toHaveValue(""), outboxWait);
  }
}

const topBar = () => screen.getByRole("status", { name: "Unsynced entries" });
const tile = () => screen.getByRole("article", { name: "Chair 3: Jane Doe" });

describe("unsynced entries", () => {
  it("are counted in the top bar, the session header and the chair's tile until they are sent", async () => {
    const server = fakeRecordServer();
    server.setMode("offline");
    const user = userEvent.setup();
    renderWithOutbox(<Page />);
    expect(topBar()).toHaveTextContent("");
    await enterReadings(user, [71, 72, 73]);
    await waitFor(() => expect(topBar()).toHaveTextContent("3 entries waiting to sync"), outboxWait);
    expect(screen.getByText(/3 entries waiting to sync\. They are saved on this device/)).toBeInTheDocument();
    expect(tile()).toHaveTextContent("On this device: 3 entries waiting to sync");

    server.setMode("online");
    window.dispatchEvent(new Event("online"));
    await waitFor(() => expect(topBar()).toHaveTextContent(""), outboxWait);
    expect(tile()).not.toHaveTextContent("waiting to sync");
    expect([...server.stored.values()].map((s) => s.body.hr)).toEqual([71, 72, 73]);
  });

  it("survive closing the page: reopened on the same device they are shown, then sent", async () => {
    const server = fakeRecordServer();
    server.setMode("offline");
    const user = userEvent.setup();
    const first = renderWithOutbox(<Page />);
    await enterReadings(user, [81, 82]);
    await waitFor(() => expect(topBar()).toHaveTextContent("2 entries waiting to sync"), outboxWait);
    first.unmount();

    server.setMode("online");
    renderWithOutbox(<Page />, { dbName: first.dbName });
    await waitFor(() => expect(server.stored.size).toBe(2), outboxWait);
    await waitFor(() => expect(topBar()).toHaveTextContent(""), outboxWait);
    expect([...server.stored.values()].map((s) => s.body.hr)).toEqual([81, 82]);
  });

  it("a refused entry is counted apart, as not accepted", async () => {
    const server = fakeRecordServer();
    server.setMode({ status: 409, message: "The session is locked" });
    const user = userEvent.setup();
    renderWithOutbox(<Page />);
    await enterReadings(user, [75]);
    await waitFor(() => expect(topBar()).toHaveTextContent("1 entry not accepted"), outboxWait);
    expect(tile()).toHaveTextContent("1 entry not accepted");
    expect(screen.getByText(/not accepted by the server: correct or discard it/)).toBeInTheDocument();
  });

  it("another login's entries stay on the device unsent and are counted apart", async () => {
    const server = fakeRecordServer();
    server.setMode("offline");
    const user = userEvent.setup();
    const nurseTab = renderWithOutbox(<Page />);
    await enterReadings(user, [77]);
    await waitFor(() => expect(topBar()).toHaveTextContent("1 entry waiting to sync"), outboxWait);
    nurseTab.unmount();

    server.setMode("online");
    renderWithOutbox(<Page />, { dbName: nurseTab.dbName, userId: physician.id });
    await waitFor(
      () => expect(topBar()).toHaveTextContent("1 entry of another login, sent when they log in"),
      outboxWait,
    );
    expect(topBar()).not.toHaveTextContent("waiting to sync");
    expect(tile()).toHaveTextContent("1 entry of another login");
    expect(server.posts).toEqual([]);
  });
});
