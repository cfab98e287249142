/**
 * What the service worker does with each request. Pure, so the rules are unit-tested: clinical data
 * (/api, /socket.io) is never cached and never answered from a cache.
 */
export type SwRoute =
  /** Not ours to handle: the browser does the request as if there were no worker. */
  | "pass-through"
  /** A page load: the network first, the build's cached index.html when there is no network. */
  | "navigation"
  /** A file of the build (content-hashed): the cache first, the network if it is missing. */
  | "cache-first";

export interface SwRequest {
  method: string;
  url: string;
  mode: string;
}

const liveDataPrefixes = ["/api/", "/socket.io/"];

export function isLiveDataPath(pathname: string): boolean {
  return liveDataPrefixes.some((prefix) => pathname === prefix.slice(0, -1) || pathname.startsWith(prefix));
}

export function routeRequest(request: SwRequest, origin: string, precached: ReadonlySet<string>): SwRoute {
  if (request.method !== "GET") return "pass-through";
  const url = new URL(request.url);
  if (url.origin !== origin) return "pass-through";
  if (isLiveDataPath(url.pathname)) return "pass-through";
  if (request.mode === "navigate") return "navigation";
  if (precached.has(url.pathname)) return "cache-first";
  return "pass-through";
}

/** One cache per build: a new build installs beside the old one and the old is deleted on activation. */
export const cachePrefix = "vigil-shell-";

export function cacheNameFor(buildId: string): string {
  return `${cachePrefix}${buildId}`;
}

/** The caches an activated worker of `current` deletes: older builds of the shell, nothing else. */
export function staleCaches(names: readonly string[], current: string): string[] {
  return names.filter((name) => name.startsWith(cachePrefix) && name !== current);
}
