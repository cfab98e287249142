import { cacheNameFor, routeRequest, staleCaches } from "./sw-routing.ts";

/**
 * The app shell's service worker, emitted as /sw.js by precache-plugin.ts. It lets the app open with
 * no network: it precaches index.html and every file of the build, answers page loads from the
 * network first and from the cached index.html offline. /api and /socket.io are never touched.
 * (The project's tsconfig has the DOM lib, not the WebWorker one: the few worker types are declared here.)
 */

interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}

interface PrecacheManifest {
  buildId: string;
  urls: string[];
}

// replaced at build time by precache-plugin.ts with the build's own list
const manifest = JSON.parse("__VIGIL_PRECACHE_MANIFEST__") as PrecacheManifest;
const worker = self as unknown as WorkerScope;
const cacheName = cacheNameFor(manifest.buildId);
const precached = new Set(manifest.urls);
const shellUrl = "/index.html";

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(cacheName);
      // bypass the HTTP cache: the copies kept must be this build's
      await cache.addAll(manifest.urls.map((url) => new Request(url, { cache: "reload" })));
      // take over at once; open pages are never reloaded (they keep running the code they loaded)
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const stale = staleCaches(await caches.keys(), cacheName);
      await Promise.all(stale.map((name) => caches.delete(name)));
      await worker.clients.claim();
    })(),
  );
});

async function fromCache(url: string | Request): Promise<Response | undefined> {
  const cache = await caches.open(cacheName);
  return cache.match(url);
}

async function navigation(request: Request): Promise<Response> {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await fromCache(shellUrl);
    if (shell) return shell;
    throw error;
  }
}

async function cacheFirst(request: Request): Promise<Response> {
  return (await fromCache(request)) ?? fetch(request);
}

worker.addEventListener("fetch", (event) => {
  const route = routeRequest(event.request, worker.location.origin, precached);
  if (route === "navigation") event.respondWith(navigation(event.request));
  else if (route === "cache-first") event.respondWith(cacheFirst(event.request));
});
