import type { Plugin } from "vite";

// runs in Node at build time, but lint keeps node: modules out of client/: the URL and Web Crypto do
const workerEntry = decodeURIComponent(new URL("./service-worker.ts", import.meta.url).pathname);
const workerFileName = "sw.js";
const placeholder = /(["'`])__VIGIL_PRECACHE_MANIFEST__\1/;

/**
 * Build step for the service worker: emits client/sw/service-worker.ts as /sw.js (site root, so its
 * scope is the whole app) and writes into it the list of files it precaches: index.html and every
 * file of this build (source maps aside). The build id is a hash of that list and index.html, so each
 * build has its own cache and a changed sw.js, which is how browsers notice a new build.
 */
export function precacheServiceWorker(): Plugin {
  return {
    name: "vigil-precache-service-worker",
    apply: "build",
    buildStart() {
      this.emitFile({ type: "chunk", id: workerEntry, fileName: workerFileName });
    },
    generateBundle: {
      // after Vite's html plugin has added index.html to the bundle
      order: "post",
      async handler(_options, bundle) {
        const worker = bundle[workerFileName];
        if (worker?.type !== "chunk") this.error(`${workerFileName} was not emitted`);
        const files = Object.keys(bundle)
          .filter((name) => name !== workerFileName && !name.endsWith(".map"))
          .sort();
        // hashed names say it for the rest; index.html's name never changes, its content does
        const identity = files.map((name) => {
          const output = bundle[name];
          return output?.type === "asset" && name.endsWith(".html")
            ? `${name}\n${String(output.source)}`
            : name;
        });
        const urls = files.map((name) => `/${name}`);
        const manifest = JSON.stringify({ buildId: await buildIdOf(identity), urls });
        if (!placeholder.test(worker.code)) this.error("the precache placeholder is missing from the worker");
        worker.code = worker.code.replace(placeholder, () => JSON.stringify(manifest));
      },
    },
  };
}

async function buildIdOf(identity: string[]): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(identity.join("\n")));
  return [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
