import "fake-indexeddb/auto";
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeDetail, makeSession } from "../../../testing/fixtures.ts";
import { clearSessionSnapshots, loadSessionSnapshot, saveSessionSnapshot } from "../session-snapshots.ts";
import { sessionDetailKey, sessionQueryOptions, snapshotSavedAt } from "./get-session.ts";

const detail = makeDetail();
const id = detail.session.id;

const serverAnswers = (body: unknown) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status: 200 })),
  );
const noNetwork = () =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }),
  );

let client: QueryClient;
beforeEach(async () => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 0 } } });
  await clearSessionSnapshots();
});
afterEach(() => {
  client.clear();
  vi.unstubAllGlobals();
});

describe("the session detail with an offline copy", () => {
  it("keeps a copy of each server answer", async () => {
    serverAnswers(detail);
    const fetched = await client.fetchQuery(sessionQueryOptions(id));
    expect(snapshotSavedAt(fetched)).toBeUndefined();
    await vi.waitFor(async () => expect((await loadSessionSnapshot(id))?.detail).toEqual(detail));
  });

  it("answers from the copy, marked with its time, when the page opens with no network", async () => {
    await saveSessionSnapshot(detail, new Date("2026-11-22T19:42:00.000Z"));
    noNetwork();
    const shown = await client.fetchQuery(sessionQueryOptions(id));
    expect(shown).toEqual(detail);
    expect(snapshotSavedAt(shown)).toBe("2026-11-22T19:42:00.000Z");
  });

  it("never replaces live data on the page with an older copy", async () => {
    const live = makeDetail({ session: makeSession({ phase: "infusing" }) });
    await saveSessionSnapshot(detail);
    client.setQueryData(sessionDetailKey(id), live);
    noNetwork();
    await expect(client.fetchQuery(sessionQueryOptions(id))).rejects.toMatchObject({ code: "network" });
    expect(client.getQueryData(sessionDetailKey(id))).toBe(live);
  });

  it("fails as before when there is no network and no copy", async () => {
    noNetwork();
    await expect(client.fetchQuery(sessionQueryOptions(id))).rejects.toMatchObject({
      status: 0,
      code: "network",
    });
  });

  it("does not take a server answer equal to the copy for the copy", async () => {
    await saveSessionSnapshot(detail);
    noNetwork();
    expect(snapshotSavedAt(await client.fetchQuery(sessionQueryOptions(id)))).toBeDefined();
    serverAnswers(detail);
    await client.refetchQueries({ queryKey: sessionDetailKey(id) });
    expect(snapshotSavedAt(client.getQueryData(sessionDetailKey(id)))).toBeUndefined();
  });

  it("forgets every copy when cleared (logout)", async () => {
    await saveSessionSnapshot(detail);
    await clearSessionSnapshots();
    expect(await loadSessionSnapshot(id)).toBeUndefined();
  });

  it("asks again when live events newer than the answer arrived while it was on its way", async () => {
    const answers = [5, 7].map((seq) => makeDetail({ session: { ...detail.session, seq } }));
    const fetch = vi.fn(async () => new Response(JSON.stringify(answers.shift()), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    client.setQueryData(sessionDetailKey(id), makeDetail({ session: { ...detail.session, seq: 6 } }));
    const shown = await client.fetchQuery(sessionQueryOptions(id));
    expect(shown.session.seq).toBe(7);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("takes the answer at once when nothing newer is shown", async () => {
    serverAnswers(makeDetail({ session: { ...detail.session, seq: 5 } }));
    client.setQueryData(sessionDetailKey(id), makeDetail({ session: { ...detail.session, seq: 5 } }));
    expect((await client.fetchQuery(sessionQueryOptions(id))).session.seq).toBe(5);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
