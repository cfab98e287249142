import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { ids, nurse } from "../../testing/fixtures.ts";
import type { NewOutboxEntry } from "./outbox-entry.ts";
import { OutboxStore } from "./outbox-store.ts";

let dbCount = 0;
const opened: OutboxStore[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

async function openStore(name = `outbox-store-test-${++dbCount}`) {
  const store = await OutboxStore.open(name);
  opened.push(store);
  return store;
}

const entry = (id: string, hr = 72): NewOutboxEntry => ({
  kind: "vitals",
  sessionId: ids.session,
  userId: nurse.id,
  body: { id, observedAt: "2026-11-22T19:10:00.000Z", source: "manual", hr },
});
const idA = "cccccccc-cccc-4ccc-8ccc-000000000001";
const idB = "cccccccc-cccc-4ccc-8ccc-000000000002";
const rejection = { status: 422, code: "validation_failed", message: "The request is invalid", issues: [] };

describe("OutboxStore", () => {
  it("keeps entries in the order they were queued, as pending with no attempts", async () => {
    const store = await openStore();
    await store.add(entry(idB));
    await store.add(entry(idA));
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual([idB, idA]);
    expect(list[0]).toMatchObject({ status: "pending", attempts: 0, lastError: null, rejection: null });
  });

  it("a double submit of a pending entry keeps the first one", async () => {
    const store = await openStore();
    await store.add(entry(idA, 72));
    await store.add(entry(idA, 99));
    const list = await store.list();
    expect(list).toHaveLength(1);
    expect(list[0]!.kind === "vitals" && list[0]!.body.hr).toBe(72);
  });

  it("a corrected rejected entry replaces it and goes to the back of the queue as pending", async () => {
    const store = await openStore();
    await store.add(entry(idA, 400));
    await store.add(entry(idB));
    await store.markRejected(idA, rejection);
    expect((await store.get(idA))?.status).toBe("rejected");
    await store.add(entry(idA, 74));
    const list = await store.list();
    expect(list.map((e) => e.id)).toEqual([idB, idA]);
    expect(list[1]).toMatchObject({ status: "pending", rejection: null, body: { hr: 74 } });
  });

  it("refuses to discard a pending entry; discards a rejected one", async () => {
    const store = await openStore();
    await store.add(entry(idA));
    await expect(store.discard(idA)).rejects.toThrow(/only a rejected entry/);
    expect(await store.list()).toHaveLength(1);
    await store.markRejected(idA, rejection);
    await store.discard(idA);
    expect(await store.list()).toEqual([]);
  });

  it("tells other instances on the same database (another tab) about changes", async () => {
    const name = "outbox-store-shared";
    const tab1 = await openStore(name);
    const tab2 = await openStore(name);
    const heard = new Promise<void>((resolve) => tab2.subscribe(resolve));
    await tab1.add(entry(idA));
    await heard;
    expect((await tab2.list()).map((e) => e.id)).toEqual([idA]);
  });
});
