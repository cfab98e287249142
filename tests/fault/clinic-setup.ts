import { openDatabase } from "../../server/db/database.ts";
import { ensureUser } from "../../server/demo/accounts.ts";
import { apiClient } from "../support/api.ts";
import { startSession } from "../support/fixtures.ts";

export const nurseAccount = {
  username: "fault-nurse",
  password: "Rv4-cedar-tide-amber-kite",
  displayName: "Nurse Fault Test",
  role: "nurse" as const,
};

/** Where the server keeps its data: an embedded data directory or a PostgreSQL database. */
export type Store = { dataDir: string } | { databaseUrl: string };

export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

/** The admin (created by the server from VIGIL_ADMIN_PASSWORD) issues the devices' ingest key. */
export async function createIngestKey(baseUrl: string, adminCookie: string): Promise<string> {
  const res = await apiClient(baseUrl, adminCookie).post("/api/admin/api-keys", {
    label: "Fault-test gateway",
  });
  if (res.status !== 201) throw new Error(`api key: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.secret as string;
}

/** Vigil has no API to create staff accounts, so the nurse is added while the server is stopped. */
export async function addNurse(store: Store): Promise<void> {
  const handle = await openDatabase(store);
  try {
    await ensureUser(handle.db, nurseAccount);
  } finally {
    await handle.close();
  }
}

/** A patient and a started session in each chair; returns session id by chair. */
export async function startChairs(
  baseUrl: string,
  nurseCookie: string,
  chairs: string[],
): Promise<Map<string, string>> {
  const nurse = apiClient(baseUrl, nurseCookie);
  const sessions = new Map<string, string>();
  for (const chair of chairs) sessions.set(chair, await startSession(nurse, { chair }));
  return sessions;
}
