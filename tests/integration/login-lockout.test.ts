import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../../server/auth/passwords.ts";
import { createUser } from "../../server/auth/repo.ts";
import { apiClient } from "../support/api.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

// The server's clock: lockouts are timed with it, so a test can let 15 minutes pass.
let clock = new Date("2026-11-22T14:00:00.000Z");
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());

const password = "a long enough passphrase";

async function newAccount(username: string) {
  await createUser(server.server.ctx.db, {
    username,
    displayName: `Nurse ${username}`,
    role: "nurse",
    passwordHash: await hashPassword(password),
  });
}

async function login(username: string, pass: string) {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: pass }),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}

async function auditActions(username: string): Promise<string[]> {
  const rows = await server.server.ctx.db
    .selectFrom("audit_log")
    .select(["action", "after"])
    .where("actor_name", "in", [username, `Nurse ${username}`])
    .orderBy("seq")
    .execute();
  return rows.map((r) => r.action);
}

describe("per-account lockout", () => {
  it("locks the account after 5 failures in a row, says until when, and refuses even the right password", async () => {
    await newAccount("lockme");
    for (let i = 0; i < 4; i++) expect((await login("lockme", "wrong")).status).toBe(401);
    const fifth = await login("lockme", "wrong");
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe("account_locked");
    expect(fifth.body.error.message).toContain("Try again at 14:15 UTC (in 15 min)");
    expect(fifth.headers.get("retry-after")).toBe("900");

    clock = new Date("2026-11-22T14:10:00.000Z");
    const right = await login("lockme", password);
    expect(right.status).toBe(423);
    expect(right.body.error.message).toContain("Try again at 14:15 UTC (in 5 min)");
    expect(right.headers.get("set-cookie")).toBeNull();

    clock = new Date("2026-11-22T14:15:01.000Z");
    expect((await login("lockme", password)).status).toBe(200);
    expect(await auditActions("lockme")).toEqual([
      ...Array(5).fill("login.failed"),
      "login.lockout",
      "login.failed",
      "login",
    ]);
  });

  it("counts failures in a row only: a successful login starts the count again", async () => {
    await newAccount("typo");
    for (let i = 0; i < 4; i++) await login("typo", "wrong");
    expect((await login("typo", password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login("typo", "wrong")).status).toBe(401);
    expect((await login("typo", password)).status).toBe(200);
  });
});

describe("unlocking an idle-locked screen", () => {
  it("asks for the user's own password, audits both outcomes and counts failures toward the lockout", async () => {
    await newAccount("idle");
    const cookie = (await login("idle", password)).headers.get("set-cookie")!.split(";")[0]!;
    const api = apiClient(server.url, cookie);
    const wrong = await api.post("/api/auth/unlock", { password: "not mine" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues).toEqual([{ path: "password", message: "is not your password" }]);
    expect((await api.post("/api/auth/unlock", { password })).status).toBe(200);
    for (let i = 0; i < 4; i++) await api.post("/api/auth/unlock", { password: "not mine" });
    const locked = await api.post("/api/auth/unlock", { password: "not mine" });
    expect(locked.status).toBe(423);
    expect(locked.body.error.message).toMatch(/Try again at \d\d:\d\d UTC/);
    const actions = await auditActions("idle");
    expect(actions.filter((a) => a === "session.unlock_failed")).toHaveLength(6);
    expect(actions).toContain("session.unlocked");
    expect(actions.at(-1)).toBe("login.lockout");
  });
});

describe("changing a password", () => {
  it("applies the password policy to the new password and ends the user's other sessions", async () => {
    await newAccount("changer");
    const here = (await login("changer", password)).headers.get("set-cookie")!.split(";")[0]!;
    const elsewhere = (await login("changer", password)).headers.get("set-cookie")!.split(";")[0]!;
    const api = apiClient(server.url, here);
    const weak = await api.post("/api/auth/password", {
      currentPassword: password,
      newPassword: "changer-12",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.issues).toEqual([
      { path: "newPassword", message: "must be at least 12 characters" },
      { path: "newPassword", message: "must not be built from the username" },
    ]);
    const next = "quiet lamp over the ward";
    expect(
      (await api.post("/api/auth/password", { currentPassword: password, newPassword: next })).status,
    ).toBe(200);
    expect((await api.get("/api/auth/me")).status).toBe(200);
    expect((await apiClient(server.url, elsewhere).get("/api/auth/me")).status).toBe(401);
    expect((await login("changer", password)).status).toBe(401);
    expect((await login("changer", next)).status).toBe(200);
    expect(await auditActions("changer")).toContain("user.password_changed");
  });
});

describe("failed logins per address", () => {
  it("answers 429 with the time to retry after 20 failures, successful logins not counted", async () => {
    const fresh = await startTestServer();
    try {
      const attempt = (username: string, pass: string) =>
        fetch(`${fresh.url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username, password: pass }),
        });
      for (let i = 0; i < 5; i++) expect((await attempt("nurse", "nurse-demo")).status).toBe(200);
      for (let i = 0; i < 20; i++) expect((await attempt(`ghost-${i}`, "guess")).status).toBe(401);
      const limited = await attempt("nurse", "nurse-demo");
      expect(limited.status).toBe(429);
      const body = await limited.json();
      expect(body.error.code).toBe("rate_limited");
      expect(body.error.message).toMatch(
        /Too many failed logins from this address. Try again at \d\d:\d\d UTC/,
      );
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(800);
    } finally {
      await fresh.close();
    }
  });
});
