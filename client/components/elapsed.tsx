import { formatElapsed } from "../lib/time.ts";
import { useNow } from "../lib/use-now.ts";

/** A ticking "m:ss" from `since` to `until` (or now). */
export function Elapsed({ since, until }: { since: string; until?: string | null }) {
  const now = useNow();
  const end = until ? Date.parse(until) : now;
  return <span className="elapsed">{formatElapsed(end - Date.parse(since))}</span>;
}
