import type { Page } from "playwright-core";
import { type Bench, type BenchSection, percentile, round } from "./bench-result.ts";
import { buildBenchPage, launchBenchBrowser, mainThreadCpu, serveStatic } from "./browser-support.ts";

/**
 * The session chart on a 2-hour 1 Hz session (7,200 readings × SBP, DBP, MAP, HR, SpO2) in Chromium: the
 * real VitalsCharts (recharts, downsampled) beside uPlot drawing every point, on tests/bench/pages/chart.html.
 */
const sessionSeconds = 7200;
const fullRuns = 12;
const appends = 60;
const frameMs = 16;
const fullRedrawTargetMs = 40;

type Step = "vigilFull" | "vigilAppend" | "uplotFull" | "uplotAppend" | "noop";
interface Sample {
  wallMs: number;
  cpuMs: number;
}

let cpuNow: () => Promise<number>;

type BenchApi = Record<string, (arg?: number) => unknown>;

/** Calls window.chartBench[method](arg) in the page (tests/bench/pages/chart-bench.tsx). */
function call<T>(page: Page, method: string, arg?: number): Promise<T> {
  return page.evaluate(
    ([m, a]) =>
      (window as unknown as { chartBench: BenchApi }).chartBench[m as string]!(a as number | undefined),
    [method, arg] as const,
  ) as Promise<T>;
}

async function times(page: Page, step: Step, runs: number, reset: boolean): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    if (reset) await call(page, "reset", sessionSeconds);
    const cpuBefore = await cpuNow();
    const wallMs = await call<number>(page, step);
    out.push({ wallMs, cpuMs: (await cpuNow()) - cpuBefore });
  }
  return out;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) };
}

/** Wall time in the page and main-thread CPU (less the cost of an empty step: CDP round trip, frame). */
function stats(samples: Sample[], overheadCpuMs: number) {
  return {
    wallMs: summary(samples.map((s) => s.wallMs)),
    cpuMs: summary(samples.map((s) => Math.max(0, s.cpuMs - overheadCpuMs))),
    runs: samples.length,
  };
}

async function measure(page: Page, who: "vigil" | "uplot", overhead: number) {
  await times(page, `${who}Full`, 3, true); // warm-up: JIT, fonts, style caches
  const full = stats(await times(page, `${who}Full`, fullRuns, true), overhead);
  await call(page, "reset", sessionSeconds);
  await times(page, `${who}Full`, 1, false);
  const append = stats(await times(page, `${who}Append`, appends, false), overhead);
  return { full, append };
}

async function run(): Promise<BenchSection> {
  const dir = await buildBenchPage("chart");
  const server = await serveStatic(dir);
  const browser = await launchBenchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/chart.html`);
    await page.waitForSelector("body[data-ready=true]");
    cpuNow = await mainThreadCpu(page);
    const overhead = summary((await times(page, "noop", 20, false)).map((s) => s.cpuMs)).median;
    const vigil = await measure(page, "vigil", overhead);
    const drawnPoints: number[] = await call<number[]>(page, "vigilDrawnPoints");
    const maxTick: number = await call<number>(page, "vigilMaxSbpShown");
    const uplot = await measure(page, "uplot", overhead);
    const ratio = {
      fullCpu: round(vigil.full.cpuMs.median / uplot.full.cpuMs.median),
      appendCpuMedian: round(vigil.append.cpuMs.median / uplot.append.cpuMs.median),
      appendCpuP95: round(vigil.append.cpuMs.p95 / uplot.append.cpuMs.p95),
    };
    const fmt = (s: { median: number; p95: number }) => `median ${s.median} ms, p95 ${s.p95} ms`;
    return {
      name: "chart",
      results: {
        points: { perSeries: sessionSeconds, series: 5, vigilDrawnPerLine: drawnPoints },
        stepOverheadCpuMs: overhead,
        vigil,
        baseline: { uplot },
        ratio,
      },
      targets: [
        {
          goal: `append one reading per series: main-thread CPU p95 ≤ ${frameMs} ms (one frame)`,
          measured: `CPU ${fmt(vigil.append.cpuMs)}; wall ${fmt(vigil.append.wallMs)} (uPlot CPU ${fmt(uplot.append.cpuMs)})`,
          met: vigil.append.cpuMs.p95 <= frameMs,
        },
        {
          goal: `full 2-hour redraw: main-thread CPU median ≤ ${fullRedrawTargetMs} ms`,
          measured: `CPU ${fmt(vigil.full.cpuMs)}; wall ${fmt(vigil.full.wallMs)} (uPlot CPU ${fmt(uplot.full.cpuMs)})`,
          met: vigil.full.cpuMs.median <= fullRedrawTargetMs,
        },
        {
          goal: "the 212 mmHg spike survives downsampling (BP axis reaches it)",
          measured: `BP axis top ${maxTick}`,
          met: maxTick >= 212,
        },
      ],
      notes: [
        "wallMs: in the page, from the state change to committed DOM with microtasks run and style/layout forced (no raster, no vsync wait).",
        "cpuMs: main-thread CPU (CDP Performance metrics, thread clock) for the step and the frame after it, less an empty step; robust to other load on the machine.",
        "Full redraw = mount the three charts from a fresh SessionDetail with 7,200 readings (convert, downsample, render), nothing cached, into a React root made beforehand (the app has one from its start).",
      ],
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const bench: Bench = { name: "chart", run };
export default bench;
