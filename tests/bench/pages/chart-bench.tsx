import "../../../client/app/theme.css";
import "uplot/dist/uPlot.min.css";
import { flushSync } from "react-dom";
import { createRoot, type Root } from "react-dom/client";
import { VitalsCharts } from "../../../client/features/vitals/components/vitals-charts.tsx";
import type { SessionDetail } from "../../../shared/schemas/session-views.ts";
import { syntheticDetail, syntheticReading } from "./synthetic-session.ts";
import { UplotCharts } from "./uplot-charts.ts";

/**
 * Drives the real VitalsCharts and a uPlot equivalent on the same synthetic 2-hour 1 Hz session. Each
 * step is timed from the state change until the work is committed (React's flushSync; uPlot's queued
 * microtask commit) and style and layout are done (forced): the main-thread work a frame waits for,
 * without raster (software-only here) and without waiting for the next vsync.
 */

const afterMicrotasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

async function timed(work: () => void): Promise<number> {
  const start = performance.now();
  work();
  await afterMicrotasks();
  void document.body.getBoundingClientRect();
  const ms = performance.now() - start;
  // Let the frame (paint, ResizeObserver, GC) happen outside the measurement before the next step.
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await nextTask();
  return ms;
}

const vigilEl = document.getElementById("vigil")!;
const uplotEl = document.getElementById("uplot")!;
let seconds = 7200;
let detail: SessionDetail = syntheticDetail(seconds);
let root: Root | null = null;
let uplot: UplotCharts | null = null;

function appendReading() {
  const reading = syntheticReading(seconds);
  seconds += 1;
  detail = { ...detail, vitals: [...detail.vitals, reading] };
  return reading;
}

const api = {
  noop: () => timed(() => {}),
  /**
   * A fresh 2-hour session with nothing drawn: the next full step mounts from scratch. The React root is
   * made here, outside the timed step, as the app has had its root since it started.
   */
  reset(n: number) {
    root?.unmount();
    root = createRoot(vigilEl);
    uplot?.destroy();
    uplot = null;
    seconds = n;
    detail = syntheticDetail(n);
    // Collect the setup's garbage now rather than inside the next timed step (--js-flags=--expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
  },
  vigilFull: () =>
    timed(() => {
      flushSync(() => root!.render(<VitalsCharts detail={detail} />));
    }),
  vigilAppend: () =>
    timed(() => {
      appendReading();
      flushSync(() => root!.render(<VitalsCharts detail={detail} />));
    }),
  /** Points drawn per series (a dense series is two paths of one colour: history and recent window). */
  vigilDrawnPoints: () => {
    const perColour = new Map<string, number>();
    for (const p of vigilEl.querySelectorAll(".vitals-chart-line, .recharts-line-curve")) {
      const colour = `${p.closest("figure")?.querySelector("figcaption")?.textContent} ${p.getAttribute("stroke")}`;
      perColour.set(
        colour,
        (perColour.get(colour) ?? 0) + (p.getAttribute("d")?.match(/[ML]/g) ?? []).length,
      );
    }
    return [...perColour.values()];
  },
  vigilMaxSbpShown: () =>
    [...vigilEl.querySelectorAll(".recharts-cartesian-axis-tick-value[text-anchor='end']")]
      .map((t) => Number(t.textContent))
      .reduce((a, b) => Math.max(a, b), 0),
  uplotFull: () =>
    timed(() => {
      uplot = new UplotCharts(uplotEl, detail, 1000);
    }),
  uplotAppend: () =>
    timed(() => {
      uplot!.append(appendReading());
    }),
};

(window as unknown as { chartBench: typeof api }).chartBench = api;
document.body.dataset.ready = "true";
