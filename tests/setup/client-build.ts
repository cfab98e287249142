import path from "node:path";
import { build } from "vite";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    clientDir: string;
  }
}

/** Builds the SPA once per run into a private folder, so an e2e run never serves a stale or half-written build. */
export default async function setup(project: TestProject): Promise<void> {
  const outDir = path.resolve("tests/.tmp/client-dist");
  await build({
    configFile: path.resolve("vite.config.ts"),
    logLevel: "warn",
    build: { outDir, emptyOutDir: true, sourcemap: false },
  });
  project.provide("clientDir", outDir);
}
