import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import react from "@vitejs/plugin-react";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { launchBrowser } from "../e2e/browser.ts";

/** Builds tests/bench/pages/<name>.html (and what it imports) with Vite into tests/.tmp/bench-pages. */
export async function buildBenchPage(name: string, options: { minify?: boolean } = {}): Promise<string> {
  const root = path.resolve("tests/bench/pages");
  const outDir = path.resolve("tests/.tmp/bench-pages", name);
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      minify: options.minify ?? true,
      rollupOptions: { input: path.join(root, `${name}.html`) },
    },
  });
  return outDir;
}

const types: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".map": "application/json",
};

/** A static file server on an ephemeral port (module scripts cannot load from file://). */
export async function serveStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Main-thread CPU time of a page in ms, from CDP Performance metrics on the thread clock: unlike wall
 * time it does not grow when other processes share the cores, which they do on a 2-core machine.
 */
export async function mainThreadCpu(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  // timeDomain is accepted by Chromium though missing from the protocol types.
  await cdp.send("Performance.enable", { timeDomain: "threadTicks" } as unknown as {
    timeDomain: "timeTicks";
  });
  return async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    return (metrics.find((m) => m.name === "TaskDuration")?.value ?? Number.NaN) * 1000;
  };
}

/** Chromium as the e2e tests launch it, plus gc() in pages so a bench can collect its setup garbage first. */
export function launchBenchBrowser(): Promise<Browser> {
  return launchBrowser(["--js-flags=--expose-gc"]);
}
