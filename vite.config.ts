import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { precacheServiceWorker } from "./client/sw/precache-plugin.ts";

const serverPort = Number(process.env.PORT ?? 3000);

export default defineConfig({
  root: "client",
  plugins: [react(), precacheServiceWorker()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/api": `http://127.0.0.1:${serverPort}`,
      "/socket.io": { target: `http://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: ".",
    reporters: process.env.CI
      ? ["default", ["json", { outputFile: "tests/.tmp/vitest-report.json" }]]
      : ["default"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["shared/**/*.test.ts", "server/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "component",
          environment: "jsdom",
          include: ["client/**/*.test.tsx", "client/**/*.test.ts"],
          setupFiles: ["tests/setup/component.ts"],
          globals: true,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database-template.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "fault",
          environment: "node",
          include: ["tests/fault/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          // Several server nodes on one PostgreSQL database and one Redis (skipped when either is absent).
          name: "multinode",
          environment: "node",
          include: ["tests/multinode/**/*.test.ts"],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/database-template.ts", "tests/setup/client-build.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
