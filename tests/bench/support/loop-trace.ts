import { monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

/**
 * BENCH_LOOP_TRACE=1: every 10 s a server process prints how long its event loop was held up (how late a
 * 1 ms timer fired: p99, p99.9, max) and its garbage-collection pauses, to tell a busy loop from slow work
 * when an alert latency tail appears. Off by default: it costs little, but nothing measured should carry it.
 */
export function traceEventLoop(name: string): void {
  if (!process.env.BENCH_LOOP_TRACE) return;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const pauses: number[] = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  }).observe({ entryTypes: ["gc"] });
  const ms = (ns: number) => (ns / 1e6).toFixed(2);
  setInterval(() => {
    const over1 = pauses.filter((p) => p > 1).length;
    console.error(
      `  [${name}] loop delay p99 ${ms(delay.percentile(99))} p99.9 ${ms(delay.percentile(99.9))} max ${ms(delay.max)} ms;` +
        ` gc ${pauses.length} pauses, ${over1} over 1 ms, max ${Math.max(0, ...pauses).toFixed(1)} ms`,
    );
    delay.reset();
    pauses.length = 0;
  }, 10_000).unref();
}
