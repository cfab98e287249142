import "fake-indexeddb/auto";
import { waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ids } from "../../testing/fixtures.ts";
import { jsonResponse, mockFetch } from "../../testing/render.tsx";
import type { OutboxApi } from "./outbox-provider.tsx";
import { renderWithOutbox } from "./render-with-outbox.tsx";
import { useOutbox } from "./use-outbox.ts";

afterEach(() => vi.unstubAllGlobals());

const outboxWait = { timeout: 5000 };

describe("OutboxProvider", () => {
  it("sends an entry saved through the outbox as the form first saw it, before the store had opened", async () => {
    const fetch = mockFetch(() => jsonResponse({ reading: null, alerts: [], created: true }, 201));
    const seen: OutboxApi[] = [];
    function Capture() {
      seen.push(useOutbox());
      return null;
    }
    renderWithOutbox(<Capture />);
    // The first render's api is from before the store opened; wait until the outbox is open and idle.
    await waitFor(() => expect(seen.at(-1)!.entries).toEqual([]), outboxWait);
    const firstApi = seen[0]!;
    expect(firstApi.entries).toBeNull();
    const body = { id: crypto.randomUUID(), observedAt: new Date().toISOString(), hr: 72 };
    await firstApi.enqueue(ids.session, { kind: "vitals", body });
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1), outboxWait);
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body)).id).toBe(body.id);
    await waitFor(() => expect(seen.at(-1)!.entries).toEqual([]), outboxWait);
  });
});
