#!/usr/bin/env node
// Runs first in `npm test`: the e2e tests drive a system Chromium through playwright-core.
// Quiet when Chromium is there; installs Debian's package when running as root; otherwise says what to install.
import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

const systemPaths = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const override = process.env.CHROMIUM_PATH;

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findChromium() {
  return systemPaths.find(isExecutable);
}

function hasAptGet() {
  return spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;
}

function run(command, args) {
  console.error(`ensure-chromium: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  return result.status === 0;
}

if (override) {
  // tests/e2e/browser.ts launches exactly this binary, so a wrong path must fail here, not later.
  if (isExecutable(override)) process.exit(0);
  console.error(
    `ensure-chromium: CHROMIUM_PATH=${override} is not an executable file.\n` +
      "Point CHROMIUM_PATH at a Chromium or Chrome binary, or unset it to use /usr/bin/chromium " +
      "(Debian/Ubuntu: sudo apt-get install chromium).",
  );
  process.exit(1);
}

if (findChromium()) process.exit(0);

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (isRoot && hasAptGet()) {
  console.error(
    "ensure-chromium: Chromium not found; installing the Debian package (needed by the e2e tests).",
  );
  if (run("apt-get", ["update"]) && run("apt-get", ["install", "-y", "chromium"]) && findChromium()) {
    process.exit(0);
  }
}

console.error(
  [
    `ensure-chromium: no Chromium was found at ${systemPaths.join(" or ")}.`,
    "The end-to-end tests drive a system Chromium. Install it:",
    "  Debian/Ubuntu: sudo apt-get install chromium",
    "or set CHROMIUM_PATH to a Chromium or Chrome binary, e.g. CHROMIUM_PATH=/opt/google/chrome/chrome npm test",
  ].join("\n"),
);
process.exit(1);
