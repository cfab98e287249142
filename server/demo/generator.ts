import type { AppContext } from "../app-context.ts";
import { findUserForLogin, toUser } from "../auth/repo.ts";
import { listSessions } from "../sessions/repo.ts";
import { recordVitals } from "../vitals/service.ts";
import { demoMonitorUsername } from "./accounts.ts";
import { demoVitals } from "./demo-vitals.ts";

const BP_EVERY_TICKS = 30;

/**
 * Streams the demo chairs: HR and SpO2 every tick, BP every minute, through the same service as the
 * nurse's form. It streams only the sessions it created.
 */
export function startDemoGenerator(ctx: AppContext, tickMs = 2000): () => void {
  let ticks = 0;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await tick(ctx, ticks++ % BP_EVERY_TICKS === 0);
    } catch (error) {
      console.error("demo generator:", (error as Error).message);
    } finally {
      running = false;
    }
  }, tickMs);
  return () => clearInterval(timer);
}

async function tick(ctx: AppContext, withBp: boolean): Promise<void> {
  const row = await findUserForLogin(ctx.db, demoMonitorUsername);
  if (!row) return;
  const monitor = toUser(row);
  const mine = await ctx.db
    .selectFrom("infusion_sessions")
    .select("id")
    .where("created_by", "=", monitor.id)
    .execute();
  const ids = new Set(mine.map((r) => r.id));
  const sessions = await listSessions(ctx.db, { activeOnly: true });
  for (const session of sessions.filter((s) => ids.has(s.id) && s.phase !== "pre_infusion")) {
    const now = ctx.now();
    await recordVitals(ctx, monitor, session.id, {
      id: crypto.randomUUID(),
      observedAt: now.toISOString(),
      ...demoVitals(session, now, withBp),
    });
  }
}
