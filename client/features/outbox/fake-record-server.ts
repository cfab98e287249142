import { makeObservation, makeReading } from "../../testing/fixtures.ts";
import { jsonResponse, mockFetch } from "../../testing/render.tsx";

export type Mode = "online" | "offline" | "503" | { status: number; message: string; path?: string };
type ModeFor = Mode | ((url: string, body: Record<string, unknown>) => Mode);

/**
 * A fake fetch standing in for the server's record endpoints: stores each reading/observation once
 * by id (201, then 200 for a retry, as the server does); `mode` makes it offline, 503 or refuse.
 * Every other request (the preview's alert context) answers 404.
 */
export function fakeRecordServer() {
  const stored = new Map<string, { url: string; body: Record<string, unknown> }>();
  const posts: { url: string; id: string; status: number }[] = [];
  const state: { modeFor: ModeFor } = { modeFor: "online" };
  const fetch = mockFetch((url, init) => {
    const recording = init.method === "POST" && /\/(vitals|observations)$/.test(url);
    if (!recording) return jsonResponse({ error: { code: "not_found", message: "Not found" } }, 404);
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    const mode = typeof state.modeFor === "function" ? state.modeFor(url, body) : state.modeFor;
    if (mode === "offline") throw new TypeError("Failed to fetch");
    const id = String(body.id);
    const status = mode === "503" ? 503 : typeof mode === "object" ? mode.status : stored.has(id) ? 200 : 201;
    posts.push({ url, id, status });
    if (mode === "503") {
      return jsonResponse({ error: { code: "internal", message: "Service unavailable" } }, 503);
    }
    if (typeof mode === "object") {
      const { message, path } = mode;
      const issues = path ? [{ path, message }] : undefined;
      return jsonResponse({ error: { code: "validation_failed", message, issues } }, status);
    }
    if (!stored.has(id)) stored.set(id, { url, body });
    const sessionId = url.split("/")[3] ?? "";
    const observedAt = String(body.observedAt);
    const answer = url.endsWith("/vitals")
      ? { reading: makeReading({ id, sessionId, observedAt, hr: Number(body.hr ?? 72) }) }
      : { observation: makeObservation({ id, sessionId, observedAt }) };
    return jsonResponse({ ...answer, alerts: [], created: status === 201 }, status);
  });
  return {
    fetch,
    stored,
    posts,
    setMode: (mode: ModeFor) => {
      state.modeFor = mode;
    },
  };
}
