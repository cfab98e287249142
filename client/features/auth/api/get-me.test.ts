import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { User } from "../../../../shared/schemas/user.ts";
import { ids, makeDetail } from "../../../testing/fixtures.ts";
import { loadSessionSnapshot, saveSessionSnapshot } from "../../sessions/session-snapshots.ts";
import { isLastKnownUser, lastKnownUser, rememberUser } from "../last-known-user.ts";
import { getMe } from "./get-me.ts";

const user: User = { id: ids.nurse, username: "nurse", displayName: "Nurse Nina", role: "nurse" };

const answer = (status: number, body: unknown) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
const noNetwork = () =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => {
      throw new TypeError("Failed to fetch");
    }),
  );

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe("the logged-in user when the app opens offline", () => {
  it("remembers the user the server confirms, and nothing but the public record", async () => {
    answer(200, { user });
    const me = await getMe();
    expect(me).toEqual(user);
    expect(isLastKnownUser(me)).toBe(false);
    expect(JSON.parse(localStorage.getItem("vigil.lastKnownUser") ?? "null")).toEqual(user);
  });

  it("answers with the last known user when the server cannot be reached", async () => {
    rememberUser(user);
    noNetwork();
    const me = await getMe();
    expect(me).toEqual(user);
    expect(isLastKnownUser(me)).toBe(true);
  });

  it("fails as before with no network and nobody remembered", async () => {
    noNetwork();
    await expect(getMe()).rejects.toMatchObject({ code: "network" });
  });

  it("does not answer a server error with the stored user", async () => {
    rememberUser(user);
    answer(500, { error: { code: "internal", message: "boom" } });
    await expect(getMe()).rejects.toMatchObject({ status: 500 });
  });

  it("forgets the user and the session copies when the server says nobody is logged in", async () => {
    rememberUser(user);
    const detail = makeDetail();
    await saveSessionSnapshot(detail);
    answer(401, { error: { code: "unauthenticated", message: "Log in." } });
    expect(await getMe()).toBeNull();
    expect(lastKnownUser()).toBeNull();
    await vi.waitFor(async () => expect(await loadSessionSnapshot(detail.session.id)).toBeUndefined());
  });

  it("ignores a stored value that is not a user record", () => {
    localStorage.setItem("vigil.lastKnownUser", JSON.stringify({ id: "x", password: "secret" }));
    expect(lastKnownUser()).toBeNull();
  });
});
