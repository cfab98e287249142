import type { AppContext } from "../app-context.ts";
import { findUserForLogin, toUser } from "../auth/repo.ts";
import { listSessions } from "../sessions/repo.ts";
import { recordVitals } from "../vitals/service.ts";
import { demoMonitorUsername } from "./accounts.ts";

/**
 * A deliberately simple stand-in for a bedside monitor: HR and SpO2 every tick, BP every minute,
 * with a ketamine-like rise during the infusion. Chair 2 is a hypertensive responder so a newcomer
 * sees an alert. It streams only the sessions it created, through the same service as the forms.
 */
export function startDemoGenerator(ctx: AppContext, tickMs = 2000): () => void {
  let ticks = 0;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await tick(ctx, ticks++);
    } catch (error) {
      console.error("demo generator:", (error as Error).message);
    } finally {
      running = false;
    }
  }, tickMs);
  return () => clearInterval(timer);
}

async function tick(ctx: AppContext, n: number): Promise<void> {
  const row = await findUserForLogin(ctx.db, demoMonitorUsername);
  if (!row) return;
  const monitor = toUser(row);
  const sessions = (await listSessions(ctx.db, { activeOnly: true })).filter(
    (s) => s.phase !== "pre_infusion",
  );
  const mine = await ctx.db
    .selectFrom("infusion_sessions")
    .select("id")
    .where("created_by", "=", monitor.id)
    .execute();
  const ids = new Set(mine.map((r) => r.id));
  for (const session of sessions.filter((s) => ids.has(s.id))) {
    const now = ctx.now();
    const minutes = session.infusionStartedAt
      ? (now.getTime() - Date.parse(session.infusionStartedAt)) / 60_000
      : 0;
    const rise = session.phase === "infusing" ? Math.min(1, minutes / 30) : Math.max(0, 1 - minutes / 90);
    const responder = session.chair === "2";
    const wobble = Math.sin(n / 7 + session.chair.charCodeAt(0));
    const bp = n % 30 === 0;
    const sbp = Math.round((responder ? 148 : 122) + rise * (responder ? 30 : 14) + wobble * 3);
    await recordVitals(ctx, monitor, session.id, {
      id: crypto.randomUUID(),
      observedAt: now.toISOString(),
      source: "monitor",
      hr: Math.round(76 + rise * 12 + wobble * 4),
      spo2: Math.round(97 + Math.sign(wobble)),
      ...(bp ? { sbp, dbp: Math.round(sbp * 0.6), rr: 14 } : {}),
    });
  }
}
