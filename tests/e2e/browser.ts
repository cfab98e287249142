import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";

/**
 * Browser helpers for the e2e tests: a system Chromium driven by playwright-core (no browser
 * download), and an axe-core accessibility check whose result reads well in a failing expect.
 */

/** $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Ubuntu's chromium-browser (tests/ensure-chromium.mjs checks the same). */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ?? "/usr/bin/chromium";
}

/** Headless, sandbox-less and quiet: nothing downloads or phones home during a test. */
export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [...chromiumArgs, ...extraArgs],
  });
}

let axeSource: string | undefined;
function loadAxe(): string {
  if (axeSource === undefined) {
    const require = createRequire(import.meta.url);
    axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  }
  return axeSource;
}

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  targets: string[];
  nodeCount: number;
}

/** Impacts that fail a test; minor and moderate findings are left to review. */
const failingImpacts = new Set(["serious", "critical"]);
const shownTargets = 3;

export function formatViolation(label: string, v: A11yViolation): string {
  const more = v.nodeCount > v.targets.length ? ` (+${v.nodeCount - v.targets.length} more)` : "";
  return `[${label}] ${v.id} (${v.impact}): ${v.help} -> ${v.targets.join(", ")}${more}`;
}

/** Violations found by axe on the page as it is now, one readable line each. */
export async function checkA11yViolations(page: Page): Promise<A11yViolation[]> {
  const injected = await page.evaluate(() => "axe" in window);
  // Evaluated through the DevTools protocol: an inline <script> tag would be refused by the app's CSP.
  if (!injected) await page.evaluate(loadAxe());
  return page.evaluate(async (limit) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time and has no global type here.
    const axe = (window as any).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    // biome-ignore lint/suspicious/noExplicitAny: axe-core result objects, read in the page.
    return results.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      targets: v.nodes.slice(0, limit).map((n: any) => n.target.join(" ")),
      nodeCount: v.nodes.length,
    }));
  }, shownTargets);
}

/**
 * Serious and critical accessibility violations, formatted so `expect(await checkA11y(page, "station")).toEqual([])`
 * prints what is wrong and where.
 */
export async function checkA11y(page: Page, label: string): Promise<string[]> {
  const violations = await checkA11yViolations(page);
  return violations
    .filter((v) => v.impact !== null && failingImpacts.has(v.impact))
    .map((v) => formatViolation(label, v));
}
