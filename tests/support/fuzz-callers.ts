import { ensureUser } from "../../server/demo/accounts.ts";
import type { Endpoint } from "../../shared/api/endpoint.ts";
import type { EndpointName } from "../../shared/api/endpoints.ts";
import { endpointEntries } from "./endpoint-requests.ts";
import { type Callers, throwawayPassword } from "./fuzz-world.ts";
import { type Caller, nobody } from "./raw-request.ts";
import type { TestServer } from "./test-server.ts";

export type LoginRole = "nurse" | "physician" | "admin";

/** Logout, unlock and password change act on the caller's own login: they get a user of their own. */
export const actsOnOwnLogin = (endpoint: Endpoint) =>
  endpoint.roles !== null && endpoint.auth !== "apiKey" && endpoint.path.startsWith("/api/auth/");

/** A new user of the role, logged in. Create them before fuzzing login: failed logins rate-limit the address. */
export async function throwawayCaller(server: TestServer, role: LoginRole): Promise<Caller> {
  const username = `fuzz-${role}-${crypto.randomUUID().slice(0, 8)}`;
  await ensureUser(server.server.ctx.db, {
    username,
    password: throwawayPassword,
    displayName: `Fuzz ${role}`,
    role,
  });
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: throwawayPassword }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  return { kind: "cookie", cookie: res.headers.get("set-cookie")!.split(";")[0]! };
}

/**
 * A caller per endpoint that the endpoint lets through: the device for API-key endpoints, nobody for
 * public ones, a throwaway user for those acting on the caller's own login, otherwise the demo login of
 * its first allowed role.
 */
export async function allowedCallers(
  server: TestServer,
  callers: Callers,
): Promise<Record<EndpointName, Caller>> {
  const entries = await Promise.all(
    endpointEntries.map(async ([name, endpoint]): Promise<[EndpointName, Caller]> => {
      if (endpoint.auth === "apiKey") return [name, callers.device];
      if (endpoint.roles === null) return [name, nobody];
      const role = endpoint.roles[0] as LoginRole;
      return [name, actsOnOwnLogin(endpoint) ? await throwawayCaller(server, role) : callers[role]];
    }),
  );
  return Object.fromEntries(entries) as Record<EndpointName, Caller>;
}
