import "fake-indexeddb/auto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ids, nurse, physician } from "../../testing/fixtures.ts";
import { fakeRecordServer } from "./fake-record-server.ts";
import type { NewOutboxEntry } from "./outbox-entry.ts";
import { backoffMs, OutboxSender } from "./outbox-sender.ts";
import { OutboxStore } from "./outbox-store.ts";
import { transmitEntry } from "./outbox-transport.ts";

const otherSession = "99999999-9999-4999-8999-999999999999";
let dbCount = 0;
const opened: OutboxStore[] = [];
const senders: OutboxSender[] = [];

afterEach(async () => {
  for (const s of senders.splice(0)) await s.stop();
  for (const s of opened.splice(0)) s.close();
  vi.unstubAllGlobals();
});

async function openStore(name = `outbox-test-${++dbCount}`) {
  const store = await OutboxStore.open(name);
  opened.push(store);
  return store;
}

/** A sender whose retry timer is held here, so a test decides when "later" comes. */
function senderFor(store: OutboxStore, userId: string | null = nurse.id) {
  const retries: number[] = [];
  const sent: string[] = [];
  const sender = new OutboxSender({
    store,
    transmit: transmitEntry,
    currentUserId: () => userId,
    onSent: (e) => sent.push(e.id),
    retryDelayMs: (n) => n,
    schedule: (_run, ms) => {
      retries.push(ms);
      return () => {};
    },
  });
  senders.push(sender);
  return { sender, retries, sent };
}

let idCount = 0;
function vitals(sessionId = ids.session, hr = 72): NewOutboxEntry {
  idCount += 1;
  const id = `bbbbbbbb-bbbb-4bbb-8bbb-${String(idCount).padStart(12, "0")}`;
  return {
    kind: "vitals",
    sessionId,
    userId: nurse.id,
    body: { id, observedAt: new Date().toISOString(), source: "manual", hr },
  };
}

describe("OutboxSender", () => {
  it("sends a queued entry once and removes it from the outbox", async () => {
    const server = fakeRecordServer();
    const store = await openStore();
    const { sender, sent } = senderFor(store);
    const entry = await store.add(vitals());
    await sender.kick();
    expect(server.posts).toEqual([{ url: `/api/sessions/${ids.session}/vitals`, id: entry.id, status: 201 }]);
    expect(sent).toEqual([entry.id]);
    expect(await store.list()).toEqual([]);
  });

  it("keeps entries while offline and retries with growing delays, then drains in order", async () => {
    const server = fakeRecordServer();
    server.setMode("offline");
    const store = await openStore();
    const { sender, retries } = senderFor(store);
    const queued = [await store.add(vitals()), await store.add(vitals()), await store.add(vitals())];
    await sender.kick();
    await sender.kick();
    expect(retries).toEqual([1, 2]);
    const waiting = await store.list();
    expect(waiting.map((e) => e.id)).toEqual(queued.map((e) => e.id));
    // only the oldest was tried: the session waits behind it, so the order holds
    expect(waiting.map((e) => e.attempts)).toEqual([2, 0, 0]);
    expect(waiting[0]!.lastError).toMatch(/Cannot reach the server/);

    server.setMode("online");
    await sender.kick();
    expect(server.posts.map((p) => p.id)).toEqual(queued.map((e) => e.id));
    expect(await store.list()).toEqual([]);
    expect(retries).toHaveLength(2);
  });

  it("retries a 503 and any 5xx", async () => {
    const server = fakeRecordServer();
    server.setMode("503");
    const store = await openStore();
    const { sender, retries } = senderFor(store);
    await store.add(vitals());
    await sender.kick();
    expect(server.posts.map((p) => p.status)).toEqual([503]);
    expect((await store.list())[0]).toMatchObject({ status: "pending", attempts: 1 });
    expect(retries).toEqual([1]);
    server.setMode("online");
    await sender.kick();
    expect(server.stored.size).toBe(1);
    expect(await store.list()).toEqual([]);
  });

  it("counts a duplicate (200 for an id the server already has) as sent", async () => {
    const server = fakeRecordServer();
    const store = await openStore();
    const { sender, sent } = senderFor(store);
    const entry = await store.add(vitals());
    server.stored.set(entry.id, { url: "", body: {} }); // the first attempt got through, its answer was lost
    await sender.kick();
    expect(server.posts.map((p) => p.status)).toEqual([200]);
    expect(sent).toEqual([entry.id]);
    expect(await store.list()).toEqual([]);
  });

  it("on a definitive 4xx keeps the entry as rejected with the server's message and moves on", async () => {
    const server = fakeRecordServer();
    const store = await openStore();
    const { sender, retries } = senderFor(store);
    const bad = await store.add(vitals(ids.session, 400));
    const good = await store.add(vitals());
    server.setMode((_url, body) =>
      body.hr === 400 ? { status: 422, message: "The request is invalid", path: "hr" } : "online",
    );
    await sender.kick();
    const [left, ...rest] = await store.list();
    expect(rest).toEqual([]);
    expect(left).toMatchObject({
      id: bad.id,
      status: "rejected",
      rejection: { status: 422, message: "The request is invalid", issues: [{ path: "hr" }] },
    });
    expect([...server.stored.keys()]).toEqual([good.id]);
    expect(retries).toEqual([]);
    // never retried on its own; only the nurse discards it
    await sender.kick();
    expect(server.posts.filter((p) => p.id === bad.id)).toHaveLength(1);
    await store.discard(bad.id);
    expect(await store.list()).toEqual([]);
  });

  it("a session blocked by a failing entry does not hold up another session", async () => {
    const server = fakeRecordServer();
    const store = await openStore();
    const { sender } = senderFor(store);
    const blocked = await store.add(vitals(ids.session));
    const other = await store.add(vitals(otherSession));
    server.setMode((url) => (url.includes(ids.session) ? "offline" : "online"));
    await sender.kick();
    expect((await store.list()).map((e) => e.id)).toEqual([blocked.id]);
    expect([...server.stored.keys()]).toEqual([other.id]);
  });

  it("resumes after the tab was closed: a new store on the same database sends what was queued", async () => {
    const server = fakeRecordServer();
    server.setMode("offline");
    const first = await openStore("outbox-resume");
    const queued = [await first.add(vitals()), await first.add(vitals())];
    await senderFor(first).sender.kick();
    first.close();

    server.setMode("online");
    const reopened = await openStore("outbox-resume");
    expect((await reopened.list()).map((e) => e.id)).toEqual(queued.map((e) => e.id));
    await senderFor(reopened).sender.kick();
    expect([...server.stored.keys()]).toEqual(queued.map((e) => e.id));
    expect(await reopened.list()).toEqual([]);
  });

  it("sends only the logged-in user's entries, and nothing without a login", async () => {
    const server = fakeRecordServer();
    const store = await openStore();
    const mine = await store.add(vitals());
    const theirs = await store.add({ ...vitals(), userId: physician.id });
    await senderFor(store, null).sender.kick();
    expect(server.posts).toEqual([]);
    await senderFor(store, nurse.id).sender.kick();
    expect([...server.stored.keys()]).toEqual([mine.id]);
    expect((await store.list()).map((e) => e.id)).toEqual([theirs.id]);
  });

  it("backs off 1 s, 2 s, 4 s … up to 30 s", () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 10].map((n) => backoffMs(n, mid))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(backoffMs(1, () => 0)).toBe(800);
    expect(backoffMs(1, () => 1)).toBe(1200);
  });
});
