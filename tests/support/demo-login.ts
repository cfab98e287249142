import { demoAccounts } from "../../server/demo/accounts.ts";

/** Logs in as a demo account through the real login endpoint and returns the cookie ("vigil_session=..."). */
export async function loginAsDemo(baseUrl: string, role: "nurse" | "physician" | "admin"): Promise<string> {
  const account = demoAccounts.find((a) => a.role === role)!;
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  if (res.status !== 200) throw new Error(`login as ${role} failed: ${res.status}`);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}
