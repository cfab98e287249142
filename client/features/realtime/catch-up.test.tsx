import { useQuery } from "@tanstack/react-query";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { ServerToClientEvents } from "../../../shared/events.ts";
import { makeDetail, makeReading, makeSession } from "../../testing/fixtures.ts";
import { renderWithProviders } from "../../testing/render.tsx";
import { sessionDetailKey } from "../sessions/api/get-session.ts";
import { SocketProvider } from "./socket-context.tsx";
import { useSessionRoom } from "./use-room.ts";

/** A socket whose joins are acknowledged at once and whose (re)connects the test drives. */
const fake = vi.hoisted(() => {
  const handlers = new Map<string, Set<(...args: unknown[]) => void>>();
  const joins: string[] = [];
  const socket = {
    connected: true,
    connect: () => socket,
    disconnect: () => socket,
    on(event: string, h: (...args: unknown[]) => void) {
      handlers.set(event, (handlers.get(event) ?? new Set()).add(h));
      return socket;
    },
    off(event: string, h: (...args: unknown[]) => void) {
      handlers.get(event)?.delete(h);
      return socket;
    },
    emit(event: string, ...args: unknown[]) {
      if (event === "session:join") joins.push(String(args[0]));
      const ack = args.at(-1);
      if (typeof ack === "function") ack({ ok: true });
      return socket;
    },
  };
  const fire = (event: string, payload?: unknown) => {
    for (const h of handlers.get(event) ?? []) h(payload);
  };
  return { socket, fire, joins };
});

vi.mock("../../lib/socket.ts", () => ({ getSocket: () => fake.socket }));

const watched = "11111111-1111-4111-8111-111111111111";
const other = "99999999-9999-4999-8999-999999999999";
const fetches: Record<string, number> = { [watched]: 0, [other]: 0 };

/** Both sessions' details are live queries; only `watched` has its room joined (its page is open). */
function Probe() {
  useSessionRoom(watched, sessionDetailKey(watched));
  const detail = (id: string) => ({
    queryKey: sessionDetailKey(id),
    queryFn: () => {
      fetches[id] = (fetches[id] ?? 0) + 1;
      return makeDetail({ session: makeSession({ id, seq: 3 }) });
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  const a = useQuery(detail(watched));
  const b = useQuery(detail(other));
  return <p>{a.data && b.data ? "loaded" : "loading"}</p>;
}

async function mount() {
  const result = renderWithProviders(
    <SocketProvider enabled>
      <Probe />
    </SocketProvider>,
  );
  await screen.findByText("loaded");
  await waitFor(() => expect(result.client.isFetching()).toBe(0));
  return { ...result, before: { ...fetches } };
}

function deliver<E extends keyof ServerToClientEvents>(
  event: E,
  payload: Parameters<ServerToClientEvents[E]>[0],
) {
  fake.fire(event, payload);
}

describe("catch-up after missed events", () => {
  it("a reconnect rejoins the session room and refetches exactly that session", async () => {
    const { client, before } = await mount();
    fake.socket.connected = false;
    fake.fire("disconnect");
    fake.socket.connected = true;
    fake.fire("connect");
    await waitFor(() => expect(fetches[watched]).toBe(before[watched]! + 1));
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(fetches[other]).toBe(before[other]);
    expect(fake.joins.at(-1)).toBe(watched);
  });

  it("a seq gap refetches exactly the session with the gap; the next seq is applied in place", async () => {
    const { client, before } = await mount();
    const inOrder = makeReading({ sessionId: other, hr: 88 });
    deliver("vitals:recorded", { sessionId: other, seq: 4, reading: inOrder });
    deliver("vitals:recorded", { sessionId: watched, seq: 6, reading: makeReading({ sessionId: watched }) });
    await waitFor(() => expect(fetches[watched]).toBe(before[watched]! + 1));
    await waitFor(() => expect(client.isFetching()).toBe(0));
    expect(fetches[other]).toBe(before[other]);
    const otherDetail = client.getQueryData<ReturnType<typeof makeDetail>>(sessionDetailKey(other));
    expect(otherDetail?.vitals.map((r) => r.id)).toEqual([inOrder.id]);
    expect(otherDetail?.session.seq).toBe(4);
  });
});
